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
let manifest = null;
let base = '';
let generation = 0;

async function json(path) {
  if (!cache.has(path)) {
    cache.set(path, (async () => {
      const response = await fetch(base + path, path === 'manifest.json' ? { cache: 'no-cache' } : {});
      if (!response.ok) throw new Error(path + ': ' + response.status);
      let bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      }
      return JSON.parse(new TextDecoder().decode(bytes));
    })());
    cache.get(path).catch(() => cache.delete(path));
  }
  return cache.get(path);
}

const isCjk = (c) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);

/** Points the engine at an index (for tests and for pages other than /search/). */
export function useIndex(manifestUrl) {
  base = manifestUrl.replace(/manifest\.json$/, '');
  manifest = null;
  cache.clear();
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
  let list;
  // hasOwn: a query for "constructor" must not find Object.prototype's.
  const own = manifest.terms && Object.hasOwn(manifest.terms, term) && manifest.terms[term];
  if (own) list = await json(`w/${own}.json.gz`);
  else {
    const s = shardOf(term, manifest.shards);
    const name = manifest.shardFiles.substr(s * 8, 8);
    if (name === '00000000') return result;
    const shard = await json(`t/${s}.${name}.json.gz`);
    if (Object.hasOwn(shard, term)) list = shard[term];
  }
  if (!list) return result;
  // Columns: n doc deltas, n weights, n first positions.
  const n = list.length / 3;
  for (let i = 0, doc = 0; i < n; i++) {
    doc += list[i];
    result.set(doc, [list[n + i], list[2 * n + i]]);
  }
  return result;
}

async function doc(id) {
  const c = Math.floor(id / manifest.chunkSize);
  const chunk = await json(`d/${c}.${manifest.chunkFiles.substr(c * 8, 8)}.json.gz`);
  return chunk[id % manifest.chunkSize];
}

function facetIndex(file) {
  if (!file.index) {
    file.index = {};
    for (const [key, facet] of Object.entries(file.facets)) {
      file.index[key] = facet.values.map((value, k) => {
        const ids = new Set();
        let id = 0;
        for (const d of facet.docs[k]) { id += d; ids.add(id); }
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
  if (required.length === 0 && active.length === 0) return { hits: [], counts: {}, terms: [] };
  const facetsFile = json(manifest.facets);
  const terms = [...new Set([...required, ...optional])];
  const lists = new Map(await Promise.all(terms.map(async (t) => [t, await postings(t)])));
  const facets = await facetsFile;
  const index = facetIndex(facets);
  if (required.some((t) => lists.get(t).size === 0)) return { hits: [], counts: {}, terms };
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
  const ids = new Set(hits.map((h) => h.id));
  const counts = {};
  for (const key of FACETS) {
    counts[key] = (index[key] || []).map(([value, docs]) => {
      let c = 0;
      docs.forEach((d) => { if (ids.has(d)) c++; });
      return [value, c];
    }).filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return { hits, counts, terms, labels: facets.labels };
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
  // Each result's doc chunk is fetched on its own: show the first result as soon as its chunk arrives.
  const docs = result.hits.slice(0, PAGE).map((h) => doc(h.id));
  const top = await docs[0];
  if (mine !== generation) return;
  if (top && docs.length > 1) show([top], result);
  const all = await Promise.all(docs);
  if (mine !== generation) return;
  show(all, result);
  list.removeAttribute('aria-busy');
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
  if (push) history.replaceState(null, '', url);
  return render(input.value, filters).catch((e) => { list.removeAttribute('aria-busy'); status.textContent = '搜索暂时不可用，请稍后再试。'; console.error(e); });
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
