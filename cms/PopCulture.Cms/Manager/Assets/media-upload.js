// Uploads the chosen files one request each, so every file shows its own progress bar and its own refusal (too big,
// not an allowed type, ...) as the server words it. Without this script the form posts all the files at once and the
// page that comes back lists how each went.
const form = document.querySelector('form.upload-form');

if (form) {
  const files = form.querySelector('input[type=file]');
  const folder = form.querySelector('input[name=folder]');
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  const results = form.querySelector('[data-upload-results]');
  const summary = form.querySelector('[data-upload-summary]');
  const submit = form.querySelector('button[type=submit]');
  const text = form.dataset;
  const say = (template, ...values) => values.reduce((t, v, i) => t.replace(`{${i}}`, v), template);

  const row = (file) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    const bar = document.createElement('progress');
    const state = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    state.className = 'upload-state';
    item.append(name, bar, state);
    results.append(item);
    return { item, bar, state };
  };

  const send = (file, shown) => new Promise((resolve) => {
    const data = new FormData();
    data.append('file', file);
    data.append('folder', folder.value);
    data.append('__RequestVerificationToken', token);
    const request = new XMLHttpRequest();
    request.open('POST', text.endpoint);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        const percent = Math.round((event.loaded / event.total) * 100);
        shown.bar.value = percent;
        shown.state.textContent = say(text.progress, percent);
      }
    });
    request.addEventListener('load', () => {
      const answer = request.response;
      if (request.status === 200 && answer?.url) {
        shown.bar.value = 100;
        shown.item.className = 'upload-done';
        shown.state.textContent = text.done;
        const link = document.createElement('a');
        link.href = answer.url;
        link.textContent = say(text.edit, file.name);
        shown.item.append(' ', link);
        resolve(true);
      } else {
        shown.item.className = 'upload-failed';
        shown.state.textContent = `${text.failed} ${answer?.title ?? request.status}`;
        resolve(false);
      }
    });
    request.addEventListener('error', () => {
      shown.item.className = 'upload-failed';
      shown.state.textContent = `${text.failed} ${text.network}`;
      resolve(false);
    });
    request.send(data);
  });

  // The grid and the folder list as the server now has them, so the new files show without loading the page again
  // (which would lose each file's outcome above). False when the page could not be fetched: the reader is told.
  const refreshLibrary = async () => {
    const response = await fetch(location.href, { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) {
      return false;
    }

    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    const parts = ['.media-results', '.media-folders'].map((selector) => [document.querySelector(selector), fresh.querySelector(selector)]);
    if (parts.some(([now, next]) => !now || !next)) {
      return false;
    }

    parts.forEach(([now, next]) => now.replaceWith(document.importNode(next, true)));
    return true;
  };

  form.addEventListener('submit', async (event) => {
    if (files.files.length === 0) {
      return; // the server says a file is needed
    }

    event.preventDefault();
    const chosen = [...files.files];
    submit.disabled = true;
    results.replaceChildren();
    summary.textContent = '';
    let done = 0;
    // One after another: a district office's uplink is shared, and each bar then fills in turn.
    for (const file of chosen) {
      if (await send(file, row(file))) {
        done += 1;
      }
    }

    const current = done === 0 || await refreshLibrary();
    summary.textContent = say(text.summary, done, chosen.length - done) + (current ? '' : ` ${text.stale}`);
    files.value = '';
    submit.disabled = false;
  });
}
