// Adds and removes rows of repeated fields (exhibits, objectives, quiz questions) in the page itself. Without this
// script the same buttons post the form and the server shows it again with the row added or removed. The server reads
// rows in the order of their numbers and closes gaps, so only a new row needs a number of its own: one past the last.
const form = document.querySelector('form.entry-form');

// Moves a copied row's names, ids and references from row number `from` to `to`.
const renumber = (row, from, to) => {
  const pattern = new RegExp(`(\\[|-)${from}(\\]|-|$)`, 'g');
  row.dataset.row = String(to);
  for (const element of row.querySelectorAll('*')) {
    for (const name of ['name', 'id', 'for', 'aria-describedby']) {
      const value = element.getAttribute(name);
      if (value !== null) {
        element.setAttribute(name, value.replace(pattern, `$1${to}$2`));
      }
    }

    if (element.matches('button[name="remove"]')) {
      element.value = element.value.replace(pattern, `$1${to}$2`);
    }
  }
};

// The rows' visible numbers follow their places: 第 1 项, 第 2 项…
const relabel = (group) => {
  group.querySelectorAll(':scope > .row').forEach((row, index) => {
    const number = String(index + 1);
    const legend = row.querySelector('.row-group > legend');
    const label = legend ?? row.querySelector('label');
    if (label?.firstChild) {
      label.firstChild.nodeValue = group.dataset.rowLabel.replace('{0}', number);
    }

    row.querySelector('button[name="remove"]')?.setAttribute('aria-label', group.dataset.removeLabel.replace('{0}', number));
  });
};

if (form) {
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[name="add"], button[name="remove"]');
    const group = button?.closest('fieldset[data-rows]');
    if (!group) {
      return;
    }

    event.preventDefault();
    const rows = [...group.querySelectorAll(':scope > .row')];
    if (button.name === 'remove') {
      const row = button.closest('.row');
      if (rows.length > 1) {
        const next = row.nextElementSibling?.matches('.row') ? row.nextElementSibling : group.querySelector('button[name="add"]');
        row.remove();
        relabel(group);
        (next.querySelector?.('input, textarea, select') ?? next).focus();
      } else {
        row.querySelectorAll('input, textarea, select').forEach((control) => { control.value = ''; });
      }

      form.dispatchEvent(new Event('input'));
      return;
    }

    const last = rows[rows.length - 1];
    const copy = last.cloneNode(true);
    copy.querySelectorAll('.field-error').forEach((error) => error.remove());
    copy.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
    copy.querySelectorAll('.invalid').forEach((field) => field.classList.remove('invalid'));
    copy.querySelectorAll('input, textarea, select').forEach((control) => { control.value = ''; });
    renumber(copy, Number(last.dataset.row), Math.max(...rows.map((row) => Number(row.dataset.row))) + 1);
    last.after(copy);
    relabel(group);
    copy.querySelector('input, textarea, select')?.focus();
  });
}
