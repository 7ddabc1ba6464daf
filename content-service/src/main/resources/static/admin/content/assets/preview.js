// Enhancement only: the admin forms work without this file (their "Preview" button renders
// the preview on the server, and the server checks every limit).
// - A Markdown body (textarea[data-preview]) is sent to the preview endpoint a moment after
//   the last key, and the sanitized HTML it answers replaces the preview.
// - A text with a limit (textarea[data-count]) keeps its "N of M characters" line current.
(function () {
  'use strict';

  function preview(body) {
    var target = document.getElementById(body.getAttribute('data-preview'));
    if (!target || !body.form || !window.fetch) {
      return;
    }
    var csrf = body.form.querySelector('input[name="_csrf"]');
    var timer = null;
    var latest = 0;
    function render() {
      var request = ++latest;
      var data = new URLSearchParams();
      data.set('body', body.value);
      if (csrf) {
        data.set('_csrf', csrf.value);
      }
      fetch('/admin/content/preview', { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          // The answer is the server's sanitized rendering; an older answer never wins.
          if (html !== null && request === latest) {
            target.innerHTML = html;
          }
        })
        .catch(function () { /* the Preview button still works */ });
    }
    body.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
  }

  function count(text) {
    var line = document.getElementById(text.getAttribute('data-count'));
    var max = text.getAttribute('maxlength');
    if (!line || !max) {
      return;
    }
    text.addEventListener('input', function () {
      line.textContent = text.value.length + ' of ' + max + ' characters';
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-preview]'), preview);
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-count]'), count);
}());
