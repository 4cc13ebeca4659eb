// Console sign-in: POST /api/v1/console/login; a refusal is shown as the server words it.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var form = document.getElementById('login-form');
  var message = document.getElementById('message');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    message.className = '';
    message.textContent = EM.t('loading');
    fetch('/api/v1/console/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: form.user.value, password: form.password.value })
    }).then(function (r) {
      if (r.ok) {
        var target = EM.params.get('returnUrl') || '/console/';
        location.href = target.charAt(0) === '/' && target.charAt(1) !== '/' ? target : '/console/';
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
