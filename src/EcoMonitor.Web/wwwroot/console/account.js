// 我的账号: the signed-in person's own password (POST /api/v1/console/me/password) and authenticator (POST
// /api/v1/console/me/two-factor, then …/confirm with the app's code → ten recovery codes, shown once). A session with
// `pending` steps sees only the next one: the password first, then the authenticator; then the way to the console.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var passwordSection = document.getElementById('password-section');
  var twoFactorSection = document.getElementById('two-factor-section');
  var passwordForm = document.getElementById('password-form');
  var twoFactorForm = document.getElementById('tf-form');
  var enrolment = null;

  function render(session) {
    var pending = session.pending;
    document.getElementById('pw-user').value = session.user;
    var note = document.getElementById('pending-note');
    note.hidden = !pending.length;
    note.textContent = pending.indexOf('password') >= 0 ? EM.t('pendingPassword') : pending.length ? EM.t('pendingTwoFactor') : '';
    passwordSection.hidden = pending.length > 0 && pending.indexOf('password') < 0;
    // The authenticator only once the password is the person's own; its recovery codes stay in view once shown.
    twoFactorSection.hidden = pending.indexOf('password') >= 0 && document.getElementById('tf-recovery').hidden;
    document.getElementById('ready').hidden = pending.length > 0;
    document.getElementById('to-console').hidden = pending.length > 0;
  }

  function refresh() {
    return EM.session.me('/console/account.html').then(render, function (e) {
      if (e.status !== 401) { EM.showError(document.getElementById('account-message'), e); }
    });
  }

  passwordForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var message = document.getElementById('pw-message');
    var next = document.getElementById('pw-new').value;
    if (next !== document.getElementById('pw-repeat').value) { message.className = 'error'; message.textContent = EM.t('passwordsDiffer'); return; }
    message.className = '';
    message.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/console/me/password', { currentPassword: document.getElementById('pw-current').value, newPassword: next }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(message, answer); return null; }
      message.textContent = '';
      passwordForm.reset();
      EM.showOk(document.getElementById('account-message'), EM.t('passwordChanged'));
      return refresh();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });

  // An authenticator key in groups of four, as apps show and people type it.
  function grouped(secret) { return secret.replace(/(.{4})/g, '$1 ').trim(); }

  document.getElementById('tf-begin').addEventListener('click', function () {
    var message = document.getElementById('tf-message');
    message.className = '';
    message.textContent = '';
    EM.send('POST', '/api/v1/console/me/two-factor').then(function (answer) {
      if (!answer.ok) { EM.showProblem(message, answer); return; }
      enrolment = answer.body.enrolment;
      document.getElementById('tf-secret').textContent = grouped(answer.body.secret);
      document.getElementById('tf-link').textContent = answer.body.link;
      document.getElementById('tf-recovery').hidden = true;
      twoFactorForm.hidden = false;
      document.getElementById('tf-code').focus();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });

  twoFactorForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var message = document.getElementById('tf-message');
    message.className = '';
    message.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/console/me/two-factor/confirm', { enrolment: enrolment, code: document.getElementById('tf-code').value.trim() }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(message, answer); return null; }
      message.textContent = '';
      enrolment = null;
      twoFactorForm.reset();
      twoFactorForm.hidden = true;
      document.getElementById('tf-secret').textContent = '';
      document.getElementById('tf-link').textContent = '';
      document.getElementById('tf-codes').replaceChildren.apply(document.getElementById('tf-codes'),
        answer.body.recoveryCodes.map(function (c) { return EM.el('li', { text: c }); }));
      document.getElementById('tf-recovery').hidden = false;
      return refresh();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });

  refresh();
})();
