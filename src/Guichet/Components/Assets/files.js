// Files dropped on a form (issue 26): a form marked data-drop-files takes the files dragged onto it
// into its file input, added to those already chosen, and lists them by name and size. Without
// script the file input works as it is.
(function () {
  'use strict';
  function show(form, input) {
    const list = form.querySelector('[data-file-list]');
    if (!list) {
      return;
    }
    list.textContent = '';
    Array.from(input.files).forEach((file) => {
      const item = document.createElement('li');
      item.textContent = file.name + ' (' + Math.max(1, Math.round(file.size / 1000)) + ' Ko)';
      list.appendChild(item);
    });
  }

  function carriesFiles(event) {
    return event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
  }

  document.querySelectorAll('form[data-drop-files]').forEach((form) => {
    const input = form.querySelector('input[type=file]');
    if (!input) {
      return;
    }
    input.addEventListener('change', () => show(form, input));
    form.addEventListener('dragover', (event) => {
      if (carriesFiles(event)) {
        event.preventDefault();
        form.classList.add('dropping');
      }
    });
    form.addEventListener('dragleave', () => form.classList.remove('dropping'));
    form.addEventListener('drop', (event) => {
      form.classList.remove('dropping');
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) {
        return;
      }
      event.preventDefault();
      const all = new DataTransfer();
      Array.from(input.files).concat(Array.from(event.dataTransfer.files)).forEach((file) => all.items.add(file));
      input.files = all.files;
      show(form, input);
    });
  });

  // A sender's HTML shown on the case page: sized to its content (the frame runs no script of its own).
  document.querySelectorAll('iframe[data-fit]').forEach((frame) => {
    const fit = () => {
      try {
        const body = frame.contentDocument && frame.contentDocument.body;
        if (body) {
          frame.style.height = Math.min(2000, body.scrollHeight + 24) + 'px';
        }
      } catch (e) {
        // Another origin: the frame keeps its default height.
      }
    };
    frame.addEventListener('load', fit);
    fit();
  });
})();
