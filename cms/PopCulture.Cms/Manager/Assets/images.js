// Inserts images into the Markdown body: picked from the media library or uploaded (file input, or a file dropped on
// the body). Either way the alt text is asked for on the spot and required before `![alt](url)` goes in. Uploads go
// through the media service, which checks the file itself. Without this script the tools stay hidden.
const tools = document.querySelector('.image-tools');
const body = document.getElementById('f-body');
const dialog = document.getElementById('image-dialog');
const form = body?.form;

if (tools && body && dialog && form && typeof dialog.showModal === 'function') {
  const endpoint = tools.dataset.images;
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  const status = document.getElementById('image-status');
  const file = document.getElementById('image-file');
  const alt = document.getElementById('image-alt');
  const error = document.getElementById('image-error');
  const search = document.getElementById('image-search');
  const library = dialog.querySelector('[data-library]');
  const results = dialog.querySelector('[data-results]');
  const chosen = dialog.querySelector('[data-chosen]');
  const say = (template, value) => template.replace('{0}', value);
  let pending = null;
  let caret = 0;
  let timer;

  tools.hidden = false;

  const open = (what) => {
    pending = what;
    caret = body.selectionStart ?? body.value.length;
    error.textContent = '';
    alt.removeAttribute('aria-invalid');
    alt.value = what.image?.alt ?? '';
    library.hidden = !what.library;
    chosen.textContent = what.file ? say(tools.dataset.chosen, what.file.name) : '';
    dialog.showModal();
    if (what.library) {
      find('');
      search.focus();
    } else {
      alt.focus();
    }
  };

  const insert = (text, url) => {
    // Brackets and line breaks would end the alt text early in Markdown.
    const safe = text.replace(/[\[\]\r\n]+/g, ' ');
    body.focus();
    body.setRangeText(`![${safe}](${url})`, caret, caret, 'end');
    body.dispatchEvent(new Event('input', { bubbles: true }));
    status.textContent = tools.dataset.inserted;
    dialog.close();
  };

  const find = async (query) => {
    const response = await fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { credentials: 'same-origin' });
    const images = response.ok ? await response.json() : [];
    results.replaceChildren();
    if (images.length === 0) {
      const none = document.createElement('li');
      none.textContent = tools.dataset.none;
      results.append(none);
    }

    for (const image of images) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      const thumbnail = document.createElement('img');
      const name = document.createElement('span');
      button.type = 'button';
      thumbnail.src = image.thumbnail;
      thumbnail.alt = '';
      name.textContent = image.alt || image.title || image.name || image.url;
      button.append(thumbnail, name);
      button.addEventListener('click', () => {
        pending = { image };
        chosen.textContent = say(tools.dataset.chosen, name.textContent);
        alt.value = image.alt ?? '';
        alt.focus();
      });
      item.append(button);
      results.append(item);
    }
  };

  const confirm = async () => {
    const text = alt.value.trim();
    if (!text) {
      error.textContent = tools.dataset.altRequired;
      alt.setAttribute('aria-invalid', 'true');
      alt.focus();
      return;
    }

    if (pending?.image) {
      insert(text, pending.image.url);
      return;
    }

    if (pending?.file) {
      status.textContent = tools.dataset.uploading;
      const data = new FormData();
      data.append('file', pending.file);
      data.append('alt', text);
      data.append('__RequestVerificationToken', token);
      const response = await fetch(endpoint, { method: 'POST', body: data, credentials: 'same-origin' });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        status.textContent = '';
        error.textContent = answer?.title ?? String(response.status);
        return;
      }

      insert(text, answer.url);
    }
  };

  tools.querySelector('[data-image-library]').addEventListener('click', () => open({ library: true }));
  file.addEventListener('change', () => {
    if (file.files.length > 0) {
      open({ file: file.files[0] });
      file.value = '';
    }
  });
  body.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
    }
  });
  body.addEventListener('drop', (event) => {
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) {
      event.preventDefault();
      open({ file: dropped });
    }
  });
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => find(search.value), 300);
  });
  dialog.querySelector('[data-image-confirm]').addEventListener('click', confirm);
  dialog.querySelector('[data-image-cancel]').addEventListener('click', () => dialog.close());
  alt.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      confirm();
    }
  });
}
