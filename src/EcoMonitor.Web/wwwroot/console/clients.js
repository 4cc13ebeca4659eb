// 接口客户端 (docs/security.md "API clients"): the API clients of other departments (GET /api/v1/clients), issuing a key
// (POST /api/v1/clients: the key is shown once, with a warning) and revoking one after a confirmation
// (POST /api/v1/clients/{id}/revoke); all need clients.manage (the security administrator). The server decides, and a
// refusal is shown with its reasons.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  // What a key may hold: the department client role's permissions (docs/security.md "Roles").
  var PERMISSIONS = ['alarms.read', 'completeness.read', 'quality.read', 'import.write'];
  var result = document.getElementById('action-result');

  function number(id) {
    var text = document.getElementById(id).value.trim();
    return text ? parseInt(text, 10) : null;
  }

  function showKey(client, key) {
    result.className = '';
    result.replaceChildren(EM.el('p', { 'class': 'ok', text: EM.t('clientIssued').replace('{name}', client.name) }),
      EM.el('p', { 'class': 'warning', text: EM.t('clientKeyWarning') }),
      EM.el('p', null, [EM.t('clientKey') + ': ', EM.el('code', { id: 'client-key', 'class': 'secret', text: key })]));
  }

  function revokeButton(c) {
    if (c.state === 'revoked') { return ''; }
    var b = EM.el('button', { type: 'button', 'class': 'btn secondary', 'data-action': 'revoke', text: EM.t('revoke') });
    b.addEventListener('click', function () {
      if (!window.confirm(EM.t('confirmRevoke').replace('{name}', c.name))) { return; }
      result.className = '';
      result.textContent = EM.t('loading');
      EM.send('POST', '/api/v1/clients/' + encodeURIComponent(c.id) + '/revoke').then(function (answer) {
        if (!answer.ok) { EM.showProblem(result, answer); return; }
        EM.showOk(result, EM.t('done').replace('{what}', EM.t('revoke') + ' ' + c.name));
        load();
      }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
    });
    return b;
  }

  function load() {
    var list = document.getElementById('clients');
    list.setAttribute('aria-busy', 'true');
    EM.send('GET', '/api/v1/clients').then(function (answer) {
      list.removeAttribute('aria-busy');
      if (answer.status === 403) {
        list.replaceChildren();
        var message = document.getElementById('clients-message');
        message.className = 'error';
        message.textContent = EM.t('noPermission').replace('{p}', 'clients.manage');
        return;
      }
      if (!answer.ok) { EM.showProblem(document.getElementById('clients-message'), answer); return; }
      list.replaceChildren(EM.table([
        { key: 'name', label: 'clientName' },
        { key: 'owner', label: 'clientOwner' },
        { key: 'id', label: 'clientId' },
        { key: 'permissions', label: 'clientPermissions', value: function (c) { return c.permissions.join(','); } },
        { key: 'jurisdiction', label: 'jurisdiction' },
        { key: 'rate', label: 'clientRate', value: function (c) { return c.requestsPerSecond; }, render: function (c) { return c.requestsPerSecond + ' / ' + c.burst; } },
        { key: 'state', label: 'accountState', render: function (c) { return EM.t('clientState_' + c.state); } },
        { key: 'expiresAt', label: 'clientExpires', render: function (c) { return EM.cst(c.expiresAt); } },
        { key: 'lastUsedAt', label: 'clientLastUsed', render: function (c) { return EM.cst(c.lastUsedAt); } },
        { key: 'createdAt', label: 'createdAt', render: function (c) { return EM.cst(c.createdAt) + ' ' + c.createdBy; } },
        { key: 'actions', label: 'actions', value: function () { return 0; }, render: revokeButton }
      ], answer.body, { id: 'clients-table', rowAttrs: function (c) { return { 'data-client': c.id }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  var box = document.getElementById('client-permissions');
  PERMISSIONS.forEach(function (p) {
    box.appendChild(EM.el('label', null, [EM.el('input', { type: 'checkbox', id: 'permission-' + p.replace('.', '-'), value: p }), ' ' + p]));
  });

  document.getElementById('issue-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    result.className = '';
    result.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/clients', {
      name: document.getElementById('client-name').value.trim(),
      owner: document.getElementById('client-owner').value.trim(),
      permissions: PERMISSIONS.filter(function (p) { return document.getElementById('permission-' + p.replace('.', '-')).checked; }),
      jurisdiction: document.getElementById('client-jurisdiction').value.trim(),
      validDays: number('client-days'),
      requestsPerSecond: number('client-rate'),
      burst: number('client-burst')
    }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      form.reset();
      showKey(answer.body.client, answer.body.key);
      load();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  EM.session.me('/console/clients.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    document.getElementById('issue-section').hidden = !EM.session.can(me, 'clients.manage');
    load();
  }).catch(function (e) { if (e.status !== 401) { EM.showError(document.getElementById('clients-message'), e); } });
})();
