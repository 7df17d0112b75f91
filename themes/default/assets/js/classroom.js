// Classroom mode for a lesson on a projector: large type, one part at a time, arrow keys to move, Esc to leave.
// The parts are the lesson's own elements, moved into the overlay and back on leaving (so a quiz answered in class
// stays answered); teacher notes stay behind, since students see the screen.
(function () {
  var button = document.querySelector('[data-classroom]');
  var article = document.querySelector('article[data-lesson]');
  if (!button || !article) return;

  var overlay = null, parts = [], moved = [], at = 0, position = null;

  // A part: the title with the objectives, the text before the first heading, each h2 section, the quiz.
  function collect() {
    var title = article.querySelector('h1');
    var result = [];
    var first = [];
    if (title) {
      var heading = title.cloneNode(true);
      heading.removeAttribute('id');
      first.push({ node: heading, clone: true });
    }
    var objectives = article.querySelector('.objectives');
    if (objectives) first.push({ node: objectives });
    if (first.length) result.push(first);
    var prose = article.querySelector(':scope > .prose');
    if (prose) {
      var current = [];
      Array.prototype.slice.call(prose.children).forEach(function (child) {
        if (child.tagName === 'H2' && current.length) { result.push(current); current = []; }
        current.push({ node: child });
      });
      if (current.length) result.push(current);
    }
    var quiz = article.querySelector('.quiz');
    if (quiz) result.push([{ node: quiz }]);
    return result;
  }

  function show(index) {
    at = Math.max(0, Math.min(parts.length - 1, index));
    parts.forEach(function (part, i) { part.hidden = i !== at; });
    position.textContent = '第 ' + (at + 1) + ' 部分，共 ' + parts.length + ' 部分';
    overlay.querySelector('[data-step="-1"]').disabled = at === 0;
    overlay.querySelector('[data-step="1"]').disabled = at === parts.length - 1;
    overlay.scrollTop = 0;
  }

  function control(label, step) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button';
    b.textContent = label;
    if (step) b.dataset.step = String(step);
    b.addEventListener('click', step ? function () { show(at + step); } : close);
    return b;
  }

  function open() {
    overlay = document.createElement('div');
    overlay.className = 'classroom';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', '课堂模式：' + document.title);
    overlay.tabIndex = -1;
    var stage = document.createElement('div');
    stage.className = 'classroom-stage prose';
    parts = collect().map(function (nodes) {
      var part = document.createElement('section');
      part.className = 'classroom-part';
      nodes.forEach(function (entry) {
        if (!entry.clone) {
          var mark = document.createComment('classroom');
          entry.node.before(mark);
          moved.push({ node: entry.node, mark: mark });
        }
        part.append(entry.node);
      });
      stage.append(part);
      return part;
    });
    var bar = document.createElement('div');
    bar.className = 'classroom-bar';
    position = document.createElement('p');
    position.className = 'classroom-position';
    position.setAttribute('aria-live', 'polite');
    var hint = document.createElement('p');
    hint.className = 'classroom-hint';
    hint.textContent = '← → 翻页，Esc 退出，F11 全屏';
    bar.append(control('上一部分', -1), position, control('下一部分', 1), control('退出课堂模式', 0), hint);
    overlay.append(stage, bar);
    // The page behind is out of reach while the overlay is up: keyboard and screen readers stay in the class.
    Array.prototype.forEach.call(document.body.children, function (child) { child.inert = true; });
    document.body.append(overlay);
    document.documentElement.classList.add('in-classroom');
    document.addEventListener('keydown', keys);
    show(0);
    overlay.focus();
  }

  function close() {
    document.removeEventListener('keydown', keys);
    moved.forEach(function (entry) { entry.mark.replaceWith(entry.node); });
    moved = [];
    overlay.remove();
    overlay = null;
    Array.prototype.forEach.call(document.body.children, function (child) { child.inert = false; });
    document.documentElement.classList.remove('in-classroom');
    button.focus();
  }

  function keys(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Arrows move between parts, except where they already mean something: choosing among a question's options.
    if (e.target && e.target.type === 'radio' && /^Arrow/.test(e.key)) return;
    // Up and down still scroll a long part; presentation clickers send PageDown and PageUp.
    var to = { ArrowRight: at + 1, PageDown: at + 1, ArrowLeft: at - 1, PageUp: at - 1, Home: 0, End: parts.length - 1 }[e.key];
    if (e.key === 'Escape') { e.preventDefault(); close(); return; }
    if (to === undefined) return;
    e.preventDefault();
    show(to);
  }

  button.hidden = false;
  button.addEventListener('click', open);
})();
