// Autosaves a draft about every 30 seconds after a change, and when the editor leaves the page. Each autosave is based
// on the revision the form holds and moves it on when it lands, so a later save builds on it; the server refuses one
// based on a revision someone else has since replaced (409), and then autosaving stops: it never overwrites their save.
const form = document.querySelector('form.entry-form');
const every = 30_000;

// Razor writes the attribute empty rather than leaving it out: empty means the entry is not a draft.
if (form?.dataset.autosave) {
  const url = form.dataset.autosave;
  const status = document.getElementById('autosave-status');
  const revision = form.querySelector('input[name="revision"]');
  let dirty = false;
  let stopped = false;
  let leaving = false;
  let running = null;

  const body = () => {
    const data = new FormData(form);
    data.delete('overwrite');
    return data;
  };

  const save = async () => {
    if (!dirty || stopped || running) {
      return;
    }

    dirty = false;
    running = fetch(url, { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(async (response) => {
        const answer = await response.json().catch(() => ({}));
        if (response.ok && answer.saved) {
          revision.value = String(answer.revision);
          status.textContent = form.dataset.saved.replace('{0}', answer.at);
        } else if (response.status === 409) {
          stopped = true;
          status.textContent = form.dataset.conflict;
        } else {
          dirty = true;
          status.textContent = response.status === 422 ? form.dataset.invalid : form.dataset.failed;
        }
      })
      .catch(() => {
        dirty = true;
        status.textContent = form.dataset.failed;
      })
      .finally(() => {
        running = null;
      });
    await running;
  };

  form.addEventListener('input', () => {
    dirty = true;
  });
  form.addEventListener('change', () => {
    dirty = true;
  });
  setInterval(save, every);

  // A save by the editor waits for an autosave under way, so it is based on the revision that autosave made.
  form.addEventListener('submit', (event) => {
    const submitter = event.submitter;
    if (submitter?.hasAttribute('data-preview')) {
      return;
    }

    leaving = true;
    if (running) {
      event.preventDefault();
      running.then(() => form.requestSubmit(submitter));
    }
  });

  window.addEventListener('pagehide', () => {
    if (dirty && !stopped && !leaving && !running) {
      navigator.sendBeacon(url, body());
    }
  });
}
