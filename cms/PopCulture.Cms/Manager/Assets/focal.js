// The focal point picker: a click or tap on the image puts the point there; with the image focused, the arrow keys move
// it (Shift for bigger steps). Either way the number fields the form saves are filled in, and they remain the way to
// set it without this script.
const frame = document.querySelector('[data-focal-frame]');
const x = document.getElementById('media-focalX');
const y = document.getElementById('media-focalY');

if (frame && x && y) {
  const marker = frame.querySelector('[data-focal-marker]');
  const status = document.querySelector('[data-focal-status]');
  const clamp = (value) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0.5));
  const percent = (value) => Math.round(value * 100);
  const label = (px, py) => frame.dataset.label.replace('{0}', percent(px)).replace('{1}', percent(py));

  const show = (px, py) => {
    // CSSOM, not a style attribute: the manager's CSP allows no inline styles.
    marker.style.left = `${px * 100}%`;
    marker.style.top = `${py * 100}%`;
    marker.hidden = false;
    frame.setAttribute('aria-label', label(px, py));
  };

  const set = (px, py) => {
    const cx = clamp(px);
    const cy = clamp(py);
    x.value = String(Math.round(cx * 1000) / 1000);
    y.value = String(Math.round(cy * 1000) / 1000);
    show(cx, cy);
    status.textContent = label(cx, cy);
  };

  frame.tabIndex = 0;
  frame.setAttribute('role', 'group');
  frame.setAttribute('aria-describedby', 'focal-hint');
  show(clamp(parseFloat(x.value)), clamp(parseFloat(y.value)));

  frame.addEventListener('click', (event) => {
    const box = frame.querySelector('img').getBoundingClientRect();
    set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  });

  frame.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? 0.1 : 0.01;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      set(clamp(parseFloat(x.value)) + move[0], clamp(parseFloat(y.value)) + move[1]);
    }
  });

  for (const input of [x, y]) {
    input.addEventListener('input', () => show(clamp(parseFloat(x.value)), clamp(parseFloat(y.value))));
  }
}
