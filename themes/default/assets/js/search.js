// The /search/ page: queries the static index (docs/search-index.md) in the browser. Only this site's own files are
// fetched: the manifest, the shards of the query's terms, the doc chunks of the results shown, and the facets file.
// Ranking must stay exactly as PopCulture.Site.Search.SearchEngine ranks (the relevance suite runs there).

const root = typeof document === 'undefined' ? null : document.querySelector('[data-search]');
const form = root && root.querySelector('form[role=search]');
const input = form && form.querySelector('input[name=q]');
const list = root && root.querySelector('[data-search-results]');
const status = root && root.querySelector('[data-search-status]');
const filtersBox = root && root.querySelector('[data-search-filters]');
const FACETS = ['section', 'type', 'age', 'domain', 'audience', 'grade', 'district', 'tag'];
const PAGE = 10; // each result may need its own doc chunk: ten keep a first query near 100 KB
const cache = new Map();
const records = new Map(); // doc id → display record, from the shards and term files fetched (their terms' top results)
let manifest = null;
let base = '';
let generation = 0;

async function json(path, priority = 'high') {
  if (!cache.has(path)) {
    cache.set(path, (async () => {
      const response = await fetch(base + path, path === 'manifest.json' ? { cache: 'no-cache', priority } : { priority });
      if (!response.ok) throw new Error(path + ': ' + response.status);
      let bytes = new Uint8Array(await response.arrayBuffer());
      // A host that serves the file with Content-Encoding: gzip hands over plain JSON already.
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(bytes);
      return JSON.parse(new TextDecoder().decode(bytes));
    })());
    cache.get(path).catch(() => cache.delete(path));
  }
  return cache.get(path);
}

// gzip (RFC 1952) around deflate (RFC 1951), inflated in one synchronous pass. The index files are a few KB, and
// DecompressionStream's asynchronous stream hops took 10–40 ms per file, most of a later query's time.
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
  4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

// A canonical Huffman code from its code lengths: how many codes of each length and the symbols in code order (to
// decode bit by bit), and a table of the codes up to 9 bits long indexed by the next 9 input bits (symbol << 4 | length).
function huffman(lengths) {
  const count = new Uint16Array(16), offset = new Uint16Array(16), symbol = new Uint16Array(lengths.length);
  const next = new Uint16Array(16), fast = new Uint16Array(512);
  for (const l of lengths) count[l]++;
  count[0] = 0;
  for (let l = 1; l < 16; l++) {
    offset[l] = offset[l - 1] + count[l - 1];
    next[l] = (next[l - 1] + count[l - 1]) << 1;
  }
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s];
    if (!l) continue;
    symbol[offset[l]++] = s;
    const code = next[l]++;
    if (l > 9) continue;
    let reversed = 0; // deflate sends a code's bits first bit first, the reverse of how the code is counted
    for (let i = 0; i < l; i++) reversed |= ((code >> i) & 1) << (l - 1 - i);
    for (let k = reversed; k < 512; k += 1 << l) fast[k] = (s << 4) | l;
  }
  for (let l = 1; l < 16; l++) offset[l] -= count[l];
  return { count, symbol, fast };
}

let fixed = null;
function fixedCodes() {
  if (!fixed) {
    const lit = new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixed = [huffman(lit), huffman(new Uint8Array(30).fill(5))];
  }
  return fixed;
}

export function gunzip(bytes) {
  const fail = (why) => { throw new Error('gzip: ' + why); };
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) fail('not a gzip file');
  const flags = bytes[3];
  let pos = 10;
  if (flags & 4) pos += 2 + (bytes[pos] | (bytes[pos + 1] << 8));
  if (flags & 8) while (bytes[pos++]);
  if (flags & 16) while (bytes[pos++]);
  if (flags & 2) pos += 2;
  const end = bytes.length - 8;
  const size = (bytes[end + 4] | (bytes[end + 5] << 8) | (bytes[end + 6] << 16) | (bytes[end + 7] << 24)) >>> 0;
  // Deflate expands at most 1032 to 1: a damaged trailer must not make the page allocate gigabytes.
  if (size > bytes.length * 1032) fail('longer than deflate can expand to');
  const out = new Uint8Array(size);
  let o = 0, buffer = 0, held = 0;
  const bits = (n) => {
    while (held < n) {
      if (pos >= end) fail('truncated');
      buffer |= bytes[pos++] << held;
      held += 8;
    }
    const v = buffer & ((1 << n) - 1);
    buffer >>>= n;
    held -= n;
    return v;
  };
  const decode = ({ count, symbol, fast }) => {
    while (held < 9 && pos < end) {
      buffer |= bytes[pos++] << held;
      held += 8;
    }
    const entry = fast[buffer & 511];
    if (entry && (entry & 15) <= held) {
      buffer >>>= entry & 15;
      held -= entry & 15;
      return entry >> 4;
    }
    let code = 0, first = 0, index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const c = count[len];
      if (code - first < c) return symbol[index + code - first];
      index += c;
      first = (first + c) << 1;
      code <<= 1;
    }
    return fail('bad code');
  };
  let last;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      buffer = 0; held = 0; // a stored block starts on a byte boundary
      if (pos + 4 > end) fail('truncated');
      const len = bytes[pos] | (bytes[pos + 1] << 8);
      pos += 4;
      if (pos + len > end || o + len > out.length) fail('bad stored block');
      out.set(bytes.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let lit, dist;
    if (type === 1) [lit, dist] = fixedCodes();
    else if (type === 2) {
      const nlit = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) codeLengths[ORDER[i]] = bits(3);
      const lengthCode = huffman(codeLengths);
      const lengths = new Uint8Array(nlit + ndist);
      for (let i = 0; i < nlit + ndist;) {
        const sym = decode(lengthCode);
        if (sym < 16) { lengths[i++] = sym; continue; }
        const repeat = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (sym === 16 && i === 0) fail('repeat with no length');
        if (i + repeat > lengths.length) fail('too many lengths');
        lengths.fill(sym === 16 ? lengths[i - 1] : 0, i, i + repeat);
        i += repeat;
      }
      lit = huffman(lengths.subarray(0, nlit));
      dist = huffman(lengths.subarray(nlit));
    } else fail('bad block type');
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        if (o >= out.length) fail('longer than its trailer says');
        out[o++] = sym;
      } else if (sym === 256) break;
      else {
        const k = sym - 257;
        if (k >= 29) fail('bad length');
        const len = LENGTH_BASE[k] + bits(LENGTH_EXTRA[k]);
        const d = decode(dist);
        if (d >= 30) fail('bad distance');
        const back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
        if (back > o || o + len > out.length) fail('bad match');
        for (let i = 0; i < len; i++, o++) out[o] = out[o - back];
      }
    }
  } while (!last);
  if (o !== out.length) fail('shorter than its trailer says');
  return out;
}

const isCjk = (c) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);

/** Points the engine at an index (for tests and for pages other than /search/). */
export function useIndex(manifestUrl) {
  base = manifestUrl.replace(/manifest\.json$/, '');
  manifest = null;
  cache.clear();
  records.clear();
}

export function normalize(text) {
  return text.normalize('NFKC').replace(/[^\p{L}\p{Nd}]/gu, ' ').toLowerCase();
}

// Required terms: bigrams of CJK runs (a lone character as itself) and other words; optional: CJK runs of 3+ characters.
export function parse(query) {
  const text = normalize(query || '').slice(0, 64);
  const required = [], optional = [];
  const add = (terms, t) => { if (!terms.includes(t)) terms.push(t); };
  let run = '', cjkRun = false;
  const flush = () => {
    if (!run) return;
    if (!cjkRun || run.length === 1) add(required, run);
    else {
      for (let i = 0; i + 1 < run.length; i++) add(required, run.slice(i, i + 2));
      if (run.length >= 3) add(optional, run);
    }
    run = '';
  };
  for (const ch of text) {
    if (ch === ' ') { flush(); continue; }
    const cjk = isCjk(ch.charCodeAt(0));
    if (run && cjk !== cjkRun) flush();
    cjkRun = cjk;
    run += ch;
  }
  flush();
  return { required, optional };
}

function shardOf(term, count) {
  let h = 2166136261;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 16777619) >>> 0;
  return h & (count - 1);
}

async function postings(term) {
  const result = new Map();
  // A common term's file is a shard of that one term.
  // hasOwn: a query for "constructor" must not find Object.prototype's.
  const own = manifest.terms && Object.hasOwn(manifest.terms, term) && manifest.terms[term];
  const s = shardOf(term, manifest.shards);
  const name = manifest.shardFiles.substr(s * 8, 8);
  if (!own && name === '00000000') return result;
  const shard = await json(own ? `w/${own}.json.gz` : `t/${s}.${name}.json.gz`);
  for (const [id, record] of Object.entries(shard['#'] || {})) records.set(Number(id), record);
  const list = Object.hasOwn(shard, term) && shard[term];
  if (!list) return result;
  // Columns: n doc deltas, n weights, n first positions.
  const n = list.length / 3;
  for (let i = 0, doc = 0; i < n; i++) {
    doc += list[i];
    result.set(doc, [list[n + i], list[2 * n + i]]);
  }
  return result;
}

async function doc(id, priority) {
  if (records.has(id)) return records.get(id);
  const c = Math.floor(id / manifest.chunkSize);
  const chunk = await json(`d/${c}.${manifest.chunkFiles.substr(c * 8, 8)}.json.gz`, priority);
  return chunk[id % manifest.chunkSize];
}

// Per facet: each value with its doc ids (for filters), and each doc's value numbers (to count a query's hits in
// time proportional to the hits, not to the site).
function facetIndex(file) {
  if (!file.index) {
    file.index = {};
    file.byDoc = {};
    for (const [key, facet] of Object.entries(file.facets)) {
      const byDoc = file.byDoc[key] = new Map();
      file.index[key] = facet.values.map((value, k) => {
        const ids = new Set();
        let id = 0;
        for (const d of facet.docs[k]) {
          id += d;
          ids.add(id);
          if (byDoc.has(id)) byDoc.get(id).push(k); else byDoc.set(id, [k]);
        }
        return [value, ids];
      });
    }
  }
  return file.index;
}

const idf = (n, df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const termScore = (i, w) => { const tf = w / 100; return i * tf * (manifest.k1 + 1) / (tf + manifest.k1); };

export async function search(query, filters) {
  manifest = manifest || await json('manifest.json');
  const { required, optional } = parse(query);
  const active = Object.entries(filters || {}).filter(([, v]) => v.length > 0);
  if (required.length === 0 && active.length === 0) return { hits: [], terms: [] };
  const facetsFile = json(manifest.facets);
  const terms = [...new Set([...required, ...optional])];
  const lists = new Map(await Promise.all(terms.map(async (t) => [t, await postings(t)])));
  const facets = await facetsFile;
  const index = facetIndex(facets);
  if (required.some((t) => lists.get(t).size === 0)) return { hits: [], terms };
  let candidates;
  if (required.length === 0) candidates = Array.from({ length: manifest.docs }, (_, i) => i);
  else {
    const smallest = required.map((t) => lists.get(t)).sort((a, b) => a.size - b.size)[0];
    candidates = [...smallest.keys()].filter((d) => required.every((t) => lists.get(t).has(d)));
  }
  for (const [key, values] of active) {
    const allowed = new Set();
    for (const [value, ids] of index[key] || []) if (values.includes(value)) ids.forEach((i) => allowed.add(i));
    candidates = candidates.filter((d) => allowed.has(d));
  }
  const n = manifest.docs;
  const hits = candidates.map((d) => {
    let bm25 = 0;
    for (const t of terms) {
      const p = lists.get(t).get(d);
      if (p) bm25 += termScore(idf(n, lists.get(t).size), p[0]);
    }
    let score = bm25;
    if (required.length >= 2) {
      const firsts = required.map((t) => lists.get(t).get(d)[1]);
      const span = Math.max(...firsts) - Math.min(...firsts);
      score = bm25 * (1 + manifest.phrase * (required.length - 1) / Math.max(required.length - 1, span));
    }
    return { id: d, score, rounded: Math.floor(score * 1e6 + 0.5) };
  });
  hits.sort((a, b) => b.rounded - a.rounded || facets.dates[b.id] - facets.dates[a.id] || a.id - b.id);
  return { hits, terms, facets, labels: facets.labels };
}

/** Each facet's values among a result's hits, with their counts, most first: what the filters offer next. */
export function facetCounts(result) {
  const counts = {};
  if (!result.facets) return counts;
  for (const key of FACETS) {
    const values = result.facets.index[key] || [];
    const byDoc = result.facets.byDoc[key];
    const c = new Array(values.length).fill(0);
    for (const h of result.hits) for (const k of (byDoc && byDoc.get(h.id)) || []) c[k]++;
    counts[key] = values.map(([value], k) => [value, c[k]])
      .filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return counts;
}

// Marks the query's terms in a snippet: matches are found on the normalised text, which keeps one char per char
// for the text we show (NFKC of a single CJK or full-width char is a single char).
function highlight(text, terms) {
  const chars = [...text];
  const norm = chars.map((c) => { const n = normalize(c); return n.length === 1 ? n : c.toLowerCase(); }).join('');
  const marked = new Array(chars.length).fill(false);
  for (const t of terms) {
    for (let i = norm.indexOf(t); i >= 0; i = norm.indexOf(t, i + 1)) {
      for (let k = 0; k < [...t].length; k++) marked[i + k] = true;
    }
  }
  let first = marked.indexOf(true);
  const start = first > 60 ? first - 30 : 0;
  const frag = document.createDocumentFragment();
  if (start > 0) frag.append('…');
  let buffer = '', inMark = false;
  const push = () => {
    if (!buffer) return;
    if (inMark) { const m = document.createElement('mark'); m.textContent = buffer; frag.append(m); } else frag.append(buffer);
    buffer = '';
  };
  for (let i = start; i < Math.min(chars.length, start + 120); i++) {
    if (marked[i] !== inMark) { push(); inMark = marked[i]; }
    buffer += chars[i];
  }
  push();
  if (start + 120 < chars.length) frag.append('…');
  return frag;
}

function selectedFilters() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const key of FACETS) filters[key] = params.getAll(key);
  return filters;
}

async function render(query, filters) {
  const mine = ++generation;
  list.setAttribute('aria-busy', 'true');
  const result = await search(query, filters);
  if (mine !== generation) return; // a newer query finished first
  // Show the first result as soon as it is known: at once when a fetched shard carried its record, else when its
  // chunk arrives (asked for first, before the others' chunks).
  const ids = result.hits.slice(0, PAGE).map((h) => h.id);
  const known = ids.length > 1 && records.has(ids[0]);
  if (known) show([records.get(ids[0])], result);
  const docs = ids.map((id, i) => doc(id, i === 0 ? 'high' : 'low'));
  if (!known && docs.length > 1) {
    const top = await docs[0];
    if (mine !== generation) return;
    if (top) show([top], result);
  }
  const all = await Promise.all(docs);
  if (mine !== generation) return;
  show(all, result);
  list.removeAttribute('aria-busy');
  result.counts = facetCounts(result); // after the results are on screen: they are what the reader waits for
  const any = query.trim() || Object.values(filters).some((v) => v.length);
  status.textContent = !any ? '' : result.hits.length === 0 ? '没有找到相关内容，换个说法试试。'
    : `找到 ${result.hits.length} 条结果` + (result.hits.length > PAGE ? `，显示前 ${PAGE} 条` : '');
  renderFilters(result, filters);
}

function show(shown, result) {
  list.replaceChildren(...shown.map((d) => {
    const li = document.createElement('li');
    li.className = 'search-result';
    const a = document.createElement('a');
    a.href = new URL(d.u.replace(/^\//, ''), new URL(base + '../', location.href)).pathname;
    a.textContent = d.t;
    const h = document.createElement('h2');
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'search-meta';
    meta.textContent = [d.s, d.d].filter(Boolean).join(' · ');
    const snippet = document.createElement('p');
    snippet.className = 'search-snippet';
    snippet.append(highlight(d.x || '', [...result.terms].sort((x, y) => y.length - x.length)));
    li.append(h, meta, snippet);
    return li;
  }));
}

function renderFilters(result, filters) {
  if (!filtersBox) return;
  const groups = [];
  for (const key of FACETS) {
    const values = result.counts[key] || [];
    if (values.length < 2 && !filters[key].length) continue;
    const box = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = manifest.facetLabels[key];
    box.append(legend);
    for (const [value, count] of values.slice(0, 12)) {
      const label = document.createElement('label');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.name = key;
      check.value = value;
      check.checked = filters[key].includes(value);
      const names = result.labels && result.labels[key];
      label.append(check, ` ${(names && names[value]) || value} (${count})`);
      box.append(label);
    }
    groups.push(box);
  }
  filtersBox.replaceChildren(...groups);
}

function run(push) {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  const filters = {};
  for (const key of FACETS) {
    filters[key] = [...form.querySelectorAll(`input[name="${key}"]:checked`)].map((c) => c.value);
    filters[key].forEach((v) => params.append(key, v));
  }
  const url = location.pathname + (params.toString() ? '?' + params : '');
  const rendering = render(input.value, filters);
  const mine = generation; // render numbered itself before its first await
  // The address follows the results once they are shown (Chromium fetches the favicon again on replaceState), and only
  // for the newest query: a slower, older one finishing later must not put its words back in the address.
  return rendering.catch((e) => { list.removeAttribute('aria-busy'); status.textContent = '搜索暂时不可用，请稍后再试。'; console.error(e); })
    .finally(() => { if (push && mine === generation) history.replaceState(null, '', url); });
}

if (root && form && input && list) {
  useIndex(root.dataset.index);
  if (filtersBox && !form.contains(filtersBox)) form.append(filtersBox);
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  // The manifest and the facets file serve every query: fetch them while the reader is still typing.
  json('manifest.json').then((m) => { manifest = manifest || m; return json(m.facets); }).then(facetIndex).catch(() => {});
  // Results as you type: a query runs at once; keys typed while it runs are folded into one more run after it.
  let running = null, again = false;
  const asYouType = () => {
    if (running) { again = true; return; }
    running = run(true).finally(() => { running = null; if (again) { again = false; asYouType(); } });
  };
  input.addEventListener('input', asYouType);
  form.addEventListener('change', (e) => { if (e.target.type === 'checkbox') run(true); });
  form.addEventListener('submit', (e) => { e.preventDefault(); run(true); });
  const filters = selectedFilters();
  if (input.value || Object.values(filters).some((v) => v.length)) {
    render(input.value, filters).catch((e) => { list.removeAttribute('aria-busy'); status.textContent = '搜索暂时不可用，请稍后再试。'; console.error(e); });
  }
}
