// The editing form's live preview: when typing pauses, the form is posted to the preview endpoint into the sandboxed
// frame beside it, as the "预览" button does without this script. Nothing is saved by a preview.
const form = document.querySelector('form.entry-form');
const button = form?.querySelector('button[data-preview]');
const pause = 800;

if (form && button) {
  let timer;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => form.requestSubmit(button), pause);
  };

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  form.requestSubmit(button);
}
