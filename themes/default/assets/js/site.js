// Progressive enhancement only: the site works fully without this file.
document.querySelectorAll('[data-print]').forEach(function (b) {
  if (!window.print) return;
  b.hidden = false;
  b.addEventListener('click', function () { window.print(); });
});
