// Enhancement only: the form works without this file (its "Preview" button renders the
// preview on the server). While an editor types, the body is sent to the preview endpoint
// a moment after the last key, and the sanitized HTML it answers replaces the preview.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var preview = document.getElementById('preview');
  var form = document.getElementById('post-form');
  if (!body || !preview || !form || !window.fetch) {
    return;
  }
  var csrf = form.querySelector('input[name="_csrf"]');
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
          preview.innerHTML = html;
        }
      })
      .catch(function () { /* the Preview button still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 400);
  });
}());
