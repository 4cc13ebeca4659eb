// First run (docs/security.md "First run"): whether set-up is needed (GET /api/v1/setup); with the one-time token from a
// node's log, the three separated administrators are created (POST /api/v1/setup) and their temporary passwords shown
// once. Public page: nobody can sign in yet.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var status = document.getElementById('setup-status');
  var form = document.getElementById('setup-form');
  var message = document.getElementById('setup-message');

  function person(prefix) {
    return { user: document.getElementById(prefix + '-user').value.trim(), displayName: document.getElementById(prefix + '-name').value.trim() };
  }

  function showCreated(accounts) {
    form.hidden = true;
    form.reset();
    document.getElementById('setup-accounts').replaceChildren(EM.table([
      { key: 'role', label: 'role', render: function (a) { return EM.t('role_' + a.role); } },
      { key: 'user', label: 'user' },
      { key: 'displayName', label: 'displayName' },
      { key: 'temporaryPassword', label: 'temporaryPassword', render: function (a) { return EM.el('code', { 'class': 'secret', text: a.temporaryPassword }); } }
    ], accounts, { id: 'setup-table', rowAttrs: function (a) { return { 'data-user': a.user }; } }));
    document.getElementById('setup-result').hidden = false;
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    message.className = '';
    message.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/setup', {
      token: document.getElementById('setup-token').value.trim(),
      systemAdministrator: person('sys'), securityAdministrator: person('sec'), auditAdministrator: person('aud')
    }).then(function (answer) {
      if (answer.ok) { message.textContent = ''; showCreated(answer.body.accounts); } else { EM.showProblem(message, answer); }
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });

  EM.getJson('/api/v1/setup').then(function (answer) {
    status.hidden = true;
    if (answer.required) { form.hidden = false; } else { document.getElementById('setup-done').hidden = false; }
  }).catch(function (e) { EM.showError(status, e); });
})();
