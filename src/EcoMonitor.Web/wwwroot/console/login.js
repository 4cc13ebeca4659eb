// Console sign-in: POST /api/v1/console/login; a refusal is shown as the server words it.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var form = document.getElementById('login-form');
  var message = document.getElementById('message');
  // Where to go after sign-in: a path of this site only. A returnUrl that could leave it — //evil.example, /\evil.example
  // (browsers read a backslash as a slash), https://…, javascript:…, control characters — is replaced by the console's
  // start page; what is left is resolved against this origin and must still be on it.
  function sameSitePath(value) {
    var start = '/console/';
    if (!value || value.charAt(0) !== '/' || value.charAt(1) === '/' || /[\\\u0000-\u001f\u007f]/.test(value)) { return start; }
    var url;
    try { url = new URL(value, location.origin); } catch (ignored) { return start; }
    return url.origin === location.origin ? url.pathname + url.search + url.hash : start;
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    message.className = '';
    message.textContent = EM.t('loading');
    fetch('/api/v1/console/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: form.user.value, password: form.password.value })
    }).then(function (r) {
      if (r.ok) {
        location.href = sameSitePath(EM.params.get('returnUrl'));
        return null;
      }
      return r.json().then(function (problem) {
        message.className = 'error';
        message.textContent = problem.title + (problem.detail ? ' — ' + problem.detail : '');
        form.password.value = '';
        form.password.focus();
      });
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });
})();
