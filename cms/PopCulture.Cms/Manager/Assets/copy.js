// Copies a preview link with one click. Without this script the button stays hidden and the link is still shown,
// read-only and selectable, in its field; the manager's CSP allows only scripts served from itself, so none is inline.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  if (!field) {
    continue;
  }

  button.hidden = false;
  button.addEventListener('click', async () => {
    field.focus();
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard API outside secure contexts (plain http on an office network): the older command still works there.
      document.execCommand('copy');
    }

    if (status) {
      status.textContent = button.dataset.copied ?? '';
    }
  });
}
