// Console sign-in: POST /api/v1/console/login with the password, and — when the answer is 401 second-factor-required —
// again with the authenticator's code (or a recovery code). A refusal is shown as the server words it. A session that
// must first set its password or enrol an authenticator (`pending`) goes to account.html, any other to returnUrl.
// With an identity provider configured (GET /api/v1/setup: externalSignIn) the page offers 统一身份认证登录, and hides
// the password form when local passwords are off; after the provider, an account with an authenticator comes back
// here with step=code and gives only its code (POST /api/v1/console/login/oidc/code).
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var form = document.getElementById('login-form');
  var message = document.getElementById('message');
  var codeRow = document.getElementById('code-row');
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

  var returnUrl = sameSitePath(EM.params.get('returnUrl'));
  var codeStep = EM.params.get('step') === 'code';
  var passwordRows = Array.prototype.slice.call(document.querySelectorAll('.password-row'));
  function showPasswordRows(shown) {
    passwordRows.forEach(function (row) {
      row.hidden = !shown;
      row.querySelector('input').required = shown;
    });
  }

  EM.send('GET', '/api/v1/setup').then(function (answer) {
    if (!answer.ok || codeStep) { return; }
    if (answer.body.externalSignIn) {
      document.getElementById('oidc-login').href = '/api/v1/console/login/oidc?returnUrl=' + encodeURIComponent(returnUrl);
      document.getElementById('oidc-row').hidden = false;
    }
    if (!answer.body.localPasswords) {
      form.hidden = true;
      message.textContent = EM.t('localPasswordsOff');
      document.getElementById('oidc-row').appendChild(message);
    }
  });

  if (codeStep) {
    showPasswordRows(false);
    codeRow.hidden = false;
    form.code.required = true;
    message.textContent = EM.t('oidcCodeNeeded');
  }

  function askForCode() {
    codeRow.hidden = false;
    form.code.required = true;
    message.className = '';
    message.textContent = EM.t('codeNeeded');
    form.code.focus();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    message.className = '';
    message.textContent = EM.t('loading');
    var body = codeStep ? {} : { user: form.user.value, password: form.password.value };
    if (!codeRow.hidden) { body.code = form.code.value.trim(); }
    EM.send('POST', codeStep ? '/api/v1/console/login/oidc/code' : '/api/v1/console/login', body).then(function (answer) {
      if (answer.ok) {
        location.href = answer.body.pending.length ? '/console/account.html' : returnUrl;
        return;
      }
      var problem = answer.body || {};
      if (answer.status === 401 && /second-factor-required$/.test(problem.type || '')) { askForCode(); return; }
      message.className = 'error';
      message.textContent = (problem.title || answer.status) + (problem.detail ? ' — ' + problem.detail : '');
      // With the code asked for, the password was right: only the code is typed again.
      var again = codeRow.hidden ? form.password : form.code;
      again.value = '';
      again.focus();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });
})();
