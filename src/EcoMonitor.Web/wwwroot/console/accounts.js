// 账号管理 (docs/security.md "Accounts and sign-in"): the accounts (GET /api/v1/accounts, accounts.read); create,
// disable, enable and reset them (accounts.manage: a temporary password is shown once); their roles, jurisdiction and
// enterprise (PUT /api/v1/accounts/{user}/access, access.assign) and the link to a person at the identity provider
// (PUT /api/v1/accounts/{user}/external-identity, access.assign). Buttons are offered by the session's permissions;
// the server decides, and a refusal is shown with its reasons.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var ROLES = ['systemAdministrator', 'securityAdministrator', 'auditAdministrator', 'dataReviewer', 'networkOperator', 'manager',
    'enforcement', 'enterpriseUser', 'departmentClient'];
  var result = document.getElementById('action-result');
  var session = null;
  var editing = null;

  function path(user, action) { return '/api/v1/accounts/' + encodeURIComponent(user) + (action ? '/' + action : ''); }

  // A temporary password to hand over, shown once.
  function showTemporary(headline, password) {
    result.className = '';
    result.replaceChildren(EM.el('p', { 'class': 'ok', text: headline }), EM.el('p', { 'class': 'warning', text: EM.t('temporaryWarning') }),
      EM.el('p', null, [EM.t('temporaryPassword') + ': ', EM.el('code', { id: 'temporary-password', 'class': 'secret', text: password })]));
  }

  function state(a) {
    var words = [EM.t(a.disabled ? 'disabled' : 'enabled')];
    if (a.lockedUntil) { words.push(EM.t('lockedUntil').replace('{t}', EM.cst(a.lockedUntil))); }
    if (a.mustChangePassword) { words.push(EM.t('mustChange')); }
    return words.join(' · ');
  }

  function button(a, action, label, confirmKey) {
    var b = EM.el('button', { type: 'button', 'class': 'btn secondary', 'data-action': action, text: EM.t(label) });
    b.addEventListener('click', function () {
      if (confirmKey && !window.confirm(EM.t(confirmKey).replace('{user}', a.user))) { return; }
      if (action === 'access') { edit(a); } else { act(a.user, action, label); }
    });
    return b;
  }

  function actions(a) {
    var box = EM.el('span', { 'class': 'row-actions' });
    if (EM.session.can(session, 'accounts.manage')) {
      box.appendChild(a.disabled ? button(a, 'enable', 'enable', 'confirmEnable') : button(a, 'disable', 'disable', 'confirmDisable'));
      box.appendChild(button(a, 'reset-password', 'resetPassword', 'confirmResetPassword'));
      box.appendChild(button(a, 'reset-two-factor', 'resetTwoFactor', 'confirmResetTwoFactor'));
    }
    if (EM.session.can(session, 'access.assign')) { box.appendChild(button(a, 'access', 'editAccess', null)); }
    return box;
  }

  function load() {
    var list = document.getElementById('accounts');
    list.setAttribute('aria-busy', 'true');
    EM.send('GET', '/api/v1/accounts').then(function (answer) {
      list.removeAttribute('aria-busy');
      if (answer.status === 403) {
        list.replaceChildren();
        var message = document.getElementById('accounts-message');
        message.className = 'error';
        message.textContent = EM.t('noPermission').replace('{p}', 'accounts.read');
        return;
      }
      if (!answer.ok) { EM.showProblem(document.getElementById('accounts-message'), answer); return; }
      list.replaceChildren(EM.table([
        { key: 'user', label: 'user' },
        { key: 'displayName', label: 'displayName' },
        { key: 'roles', label: 'roles', value: function (a) { return a.roles.join(','); }, render: function (a) { return a.roles.map(function (r) { return EM.t('role_' + r); }).join('、'); } },
        { key: 'jurisdiction', label: 'jurisdiction' },
        { key: 'enterprise', label: 'enterprise' },
        { key: 'state', label: 'accountState', value: state, render: state },
        { key: 'twoFactor', label: 'authenticator', render: function (a) { return a.twoFactor ? EM.t('enrolled') + ' (' + a.recoveryCodesLeft + ')' : EM.t('notEnrolled'); } },
        { key: 'lastSignInAt', label: 'lastSignIn', render: function (a) { return EM.cst(a.lastSignInAt); } },
        { key: 'createdAt', label: 'createdAt', render: function (a) { return EM.cst(a.createdAt) + ' ' + a.createdBy; } },
        { key: 'actions', label: 'actions', value: function () { return 0; }, render: actions }
      ], answer.body, { id: 'accounts-table', rowAttrs: function (a) { return { 'data-user': a.user }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  function act(user, action, label) {
    result.className = '';
    result.textContent = EM.t('loading');
    EM.send('POST', path(user, action)).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      if (action === 'reset-password') {
        showTemporary(EM.t('passwordReset').replace('{user}', user), answer.body.temporaryPassword);
      } else {
        EM.showOk(result, EM.t('done').replace('{what}', EM.t(label) + ' ' + user));
      }
      load();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  }

  document.getElementById('create-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    result.className = '';
    result.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/accounts', { user: document.getElementById('new-user').value.trim(), displayName: document.getElementById('new-name').value.trim() }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      form.reset();
      showTemporary(EM.t('accountCreated').replace('{user}', answer.body.account.user), answer.body.temporaryPassword);
      load();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  // The access editor: one checkbox per role (camelCase, as the API names them), the jurisdiction and the enterprise.
  var rolesBox = document.getElementById('access-roles');
  ROLES.forEach(function (r) {
    rolesBox.appendChild(EM.el('label', null, [EM.el('input', { type: 'checkbox', id: 'role-' + r, value: r }), ' ' + EM.t('role_' + r)]));
  });

  function edit(a) {
    editing = a.user;
    document.getElementById('access-title').textContent = EM.t('accessFor').replace('{user}', a.user + ' ' + a.displayName);
    ROLES.forEach(function (r) { document.getElementById('role-' + r).checked = a.roles.indexOf(r) >= 0; });
    document.getElementById('access-jurisdiction').value = a.jurisdiction || '';
    document.getElementById('access-enterprise').value = a.enterprise || '';
    document.getElementById('external-issuer').value = a.externalIdentity ? a.externalIdentity.issuer : '';
    document.getElementById('external-subject').value = a.externalIdentity ? a.externalIdentity.subject : '';
    ['access-message', 'external-message'].forEach(function (id) {
      var message = document.getElementById(id);
      message.className = '';
      message.textContent = '';
    });
    var section = document.getElementById('access-section');
    section.hidden = false;
    section.scrollIntoView();
  }

  document.getElementById('access-cancel').addEventListener('click', function () { document.getElementById('access-section').hidden = true; editing = null; });

  document.getElementById('access-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var message = document.getElementById('access-message');
    var jurisdiction = document.getElementById('access-jurisdiction').value.trim();
    var enterprise = document.getElementById('access-enterprise').value.trim();
    var body = {
      roles: ROLES.filter(function (r) { return document.getElementById('role-' + r).checked; }),
      jurisdiction: jurisdiction || null, enterprise: enterprise || null
    };
    message.className = '';
    message.textContent = EM.t('loading');
    EM.send('PUT', path(editing, 'access'), body).then(function (answer) {
      if (!answer.ok) { EM.showProblem(message, answer); return; }
      EM.showOk(message, EM.t('saved') + ': ' + answer.body.user);
      load();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  });

  // Linking (both fields) or removing the link (both null); the server refuses a half-filled or taken identity.
  function link(identity) {
    var message = document.getElementById('external-message');
    message.className = '';
    message.textContent = EM.t('loading');
    EM.send('PUT', path(editing, 'external-identity'), identity).then(function (answer) {
      if (!answer.ok) { EM.showProblem(message, answer); return; }
      EM.showOk(message, EM.t('saved') + ': ' + answer.body.user);
      load();
    }).catch(function (err) { message.className = 'error'; message.textContent = EM.t('failed') + err.message; });
  }

  document.getElementById('external-form').addEventListener('submit', function (e) {
    e.preventDefault();
    link({ issuer: document.getElementById('external-issuer').value.trim(), subject: document.getElementById('external-subject').value.trim() });
  });
  document.getElementById('external-remove').addEventListener('click', function () {
    if (!window.confirm(EM.t('confirmUnlink').replace('{user}', editing))) { return; }
    document.getElementById('external-issuer').value = '';
    document.getElementById('external-subject').value = '';
    link({ issuer: null, subject: null });
  });

  EM.session.me('/console/accounts.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    session = me;
    document.getElementById('create-section').hidden = !EM.session.can(me, 'accounts.manage');
    load();
  }).catch(function (e) { if (e.status !== 401) { EM.showError(document.getElementById('accounts-message'), e); } });
})();
