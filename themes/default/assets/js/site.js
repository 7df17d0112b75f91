// Progressive enhancement only: the site works fully without this file.
document.querySelectorAll('[data-print]').forEach(function (b) {
  if (!window.print) return;
  b.hidden = false;
  b.addEventListener('click', function () { window.print(); });
});

// Text size (A / A+ / A++) for older readers: kept in this browser only, applied before paint by the head script.
(function () {
  var group = document.querySelector('.text-size');
  if (!group) return;
  var root = document.documentElement;
  var buttons = group.querySelectorAll('button[data-text-size]');
  function show(size) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.textSize === size)); });
  }
  show(root.dataset.textSize || '0');
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      var size = b.dataset.textSize;
      if (size === '0') delete root.dataset.textSize; else root.dataset.textSize = size;
      try { if (size === '0') localStorage.removeItem('popculture:text-size'); else localStorage.setItem('popculture:text-size', size); } catch (e) { /* private mode: this page only */ }
      show(size);
    });
  });
  group.hidden = false;
})();

// Self-check quiz: the reader picks an answer and checks it here, in the browser; the explanation opens after.
document.querySelectorAll('.quiz-item[data-answer]').forEach(function (item) {
  var check = item.querySelector('.quiz-check');
  var result = item.querySelector('.quiz-result');
  var answer = item.querySelector('.quiz-answer');
  if (!check || !result) return;
  check.hidden = false;
  check.addEventListener('click', function () {
    // One radio checked, or for a multiple-choice question every right box and no other.
    var chosen = Array.prototype.map.call(item.querySelectorAll('.quiz-options input:checked'), function (c) { return Number(c.value); });
    item.classList.remove('is-right', 'is-wrong');
    if (!chosen.length) { result.textContent = item.querySelector('input[type=checkbox]') ? '请至少选择一个答案。' : '请先选择一个答案。'; return; }
    var right = chosen.sort(function (a, b) { return a - b; }).join(',') === item.dataset.answer;
    item.classList.add(right ? 'is-right' : 'is-wrong');
    result.textContent = right ? '回答正确！' : '还不对，看看下面的解释。';
    if (answer) answer.open = true;
  });
});

// Lessons read, kept in this browser only: a lesson page notes itself, a course page marks what was read.
(function () {
  var KEY = 'popculture:read';
  var read;
  try { read = JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return; }
  if (!Array.isArray(read)) read = [];
  var lesson = document.querySelector('article[data-lesson]');
  if (lesson && read.indexOf(lesson.dataset.lesson) < 0) {
    read.push(lesson.dataset.lesson);
    try { localStorage.setItem(KEY, JSON.stringify(read.slice(-500))); } catch (e) { /* storage full or off */ }
  }
  document.querySelectorAll('[data-read-list] a[data-lesson]').forEach(function (a) {
    if (read.indexOf(a.dataset.lesson) < 0) return;
    var mark = document.createElement('span');
    mark.className = 'badge read-mark';
    mark.textContent = '已读';
    a.after(' ', mark);
  });
})();
