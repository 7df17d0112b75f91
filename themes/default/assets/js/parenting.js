// "My child" on the parenting pages: the child's birth date, or an age in months with the day it was given, kept in
// this browser only (localStorage) and never sent anywhere. From it, lessons whose age_months range (data-months,
// "from-to") holds the child's age are marked, and /parenting/ leads with them and the next age band's lessons.
(function () {
  var KEY = 'popculture:child';
  // Pages without the panel (tag lists) still mark the lessons.
  var panel = document.querySelector('[data-my-child]');
  var form = panel && panel.querySelector('[data-child-form]');
  var status = panel && panel.querySelector('[data-child-status]');
  var error = panel && panel.querySelector('[data-child-error]');
  var clear = panel && panel.querySelector('[data-child-clear]');
  var intro = status && status.textContent;

  function day(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
    return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
  }
  function today() {
    var n = new Date();
    return { y: n.getFullYear(), m: n.getMonth() + 1, d: n.getDate() };
  }
  function iso(t) { return t.y + '-' + String(t.m).padStart(2, '0') + '-' + String(t.d).padStart(2, '0'); }
  // Whole months from a to b: 2025-03-15 to 2025-05-14 is one month, to 2025-05-15 two.
  function monthsBetween(a, b) { return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0); }
  function ageOf(child) {
    if (!child) return null;
    if (child.birth && day(child.birth)) return monthsBetween(day(child.birth), today());
    if (typeof child.months === 'number' && day(child.set)) return child.months + monthsBetween(day(child.set), today());
    return null;
  }
  function load() {
    try {
      var child = JSON.parse(localStorage.getItem(KEY) || 'null');
      return child && typeof child === 'object' ? child : null;
    } catch (e) { return null; }
  }
  function range(el) {
    var p = (el.dataset.months || '').split('-');
    return [+p[0], +p[1]];
  }
  function fits(el, months) {
    var r = range(el);
    return months >= r[0] && months <= r[1];
  }

  // Badges on every lesson link, card and lesson page that fits the child's age.
  function mark(months) {
    document.querySelectorAll('.child-badge').forEach(function (b) { b.remove(); });
    if (months === null) return;
    document.querySelectorAll('[data-months]').forEach(function (el) {
      if (!fits(el, months) || el.closest('[data-child-lessons]')) return;
      var article = el.tagName === 'ARTICLE';
      var badge = document.createElement(article ? 'li' : 'span');
      badge.className = 'badge child-badge';
      badge.textContent = '适合您的孩子（' + months + '个月）';
      var meta = el.closest('.card') && el.closest('.card').querySelector('.card-meta');
      if (article) { var row = el.querySelector('[data-child-badges]'); if (row) row.append(badge); }
      else if (meta) meta.append(' ', badge);
      else el.after(' ', badge);
    });
  }

  function entry(a) {
    var li = document.createElement('li');
    var link = a.cloneNode(true);
    link.removeAttribute('data-months');
    var r = range(a);
    var note = document.createElement('span');
    note.className = 'muted';
    note.textContent = '（' + r[0] + '–' + r[1] + '个月）';
    li.append(link, ' ', note);
    return li;
  }

  // On /parenting/: this month's lessons, then the next age band's, taken from the grid's links.
  function lead(months) {
    var box = document.querySelector('[data-child-lessons]');
    var grid = document.querySelector('[data-lesson-grid]');
    if (!box || !grid) return;
    box.hidden = months === null;
    if (months === null) return;
    var now = box.querySelector('[data-child-now]');
    var next = box.querySelector('[data-child-next]');
    var seen = {};
    now.replaceChildren();
    next.replaceChildren();
    grid.querySelectorAll('a[data-months]').forEach(function (a) {
      if (fits(a, months) && !seen[a.href]) { seen[a.href] = true; now.append(entry(a)); }
    });
    box.querySelector('[data-child-heading]').textContent = months > 36
      ? '您的孩子已满3岁（' + months + '个月）'
      : '本月适合您孩子的课（' + months + '个月）';
    var none = box.querySelector('[data-child-none]');
    none.hidden = now.children.length > 0;
    if (months > 36) none.textContent = '本栏目的课面向0～3岁的孩子，可以看看下面的表格，回顾一下。';
    var rows = Array.prototype.slice.call(grid.querySelectorAll('tr[data-band-from]'));
    var at = -1;
    rows.forEach(function (r, i) {
      var from = +r.dataset.bandFrom, to = +r.dataset.bandTo;
      if (at < 0 && months >= from && (months < to || (i === rows.length - 1 && months === to))) at = i;
    });
    var upcoming = at >= 0 ? rows[at + 1] : null;
    box.querySelector('[data-child-upcoming]').hidden = !upcoming;
    if (!upcoming) return;
    box.querySelector('[data-child-next-heading]').textContent = '接下来的成长：' + upcoming.dataset.band;
    upcoming.querySelectorAll('a[data-months]').forEach(function (a) {
      if (!seen[a.href]) { seen[a.href] = true; next.append(entry(a)); }
    });
  }

  function show(child) {
    var months = ageOf(child);
    if (months === null) child = null;
    mark(child ? months : null);
    lead(child ? months : null);
    if (!panel) return;
    status.textContent = !child ? intro
      : '您的孩子现在' + months + '个月' + (child.birth ? '（出生日期 ' + child.birth + '）' : '') + '。适合的课已标出“适合您的孩子”。';
    form.birth.value = child && child.birth ? child.birth : '';
    form.months.value = child && !child.birth ? String(months) : '';
    clear.hidden = !child;
  }

  function save(child) {
    try {
      if (child) localStorage.setItem(KEY, JSON.stringify(child)); else localStorage.removeItem(KEY);
    } catch (e) { /* storage off: this page only */ }
    show(child);
  }

  if (!panel) { show(load()); return; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.textContent = '';
    var birth = form.birth.value;
    var months = form.months.value.trim();
    var child = null;
    if (birth) {
      if (!day(birth)) { error.textContent = '请按“年-月-日”填写出生日期。'; return; }
      if (monthsBetween(day(birth), today()) < 0 || birth > iso(today())) { error.textContent = '出生日期不能晚于今天。'; return; }
      child = { birth: birth };
    } else if (/^\d{1,3}$/.test(months) && +months <= 120) {
      child = { months: +months, set: iso(today()) };
    } else {
      error.textContent = months ? '月龄请填 0 到 120 之间的整数。' : '请填写出生日期或月龄。';
      return;
    }
    save(child);
    var details = panel.querySelector('[data-child-details]');
    if (details) details.open = false;
  });
  clear.addEventListener('click', function () {
    error.textContent = '';
    save(null);
    form.birth.focus();
  });

  panel.hidden = false;
  show(load());
})();
