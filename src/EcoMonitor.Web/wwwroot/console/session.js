// The console's signed-in person, shared by its pages: GET /api/v1/console/me (without a session: to the sign-in page,
// back to this page after it), the name in #who, the sign-out button #logout, and the links a session may follow.
(function () {
  'use strict';
  var EM = window.EM;

  // The session ({user, displayName, roles, permissions, pending …}); page is this page's path, the sign-in's returnUrl.
  function me(page) {
    return EM.getJson('/api/v1/console/me').then(function (session) {
      var who = document.getElementById('who');
      if (who) { who.textContent = session.displayName && session.displayName !== session.user ? session.displayName + ' (' + session.user + ')' : session.user; }
      return session;
    }, function (e) {
      if (e.status === 401) { location.href = '/console/login.html?returnUrl=' + encodeURIComponent(page); }
      throw e;
    });
  }

  function can(session, permission) { return session.permissions.indexOf(permission) >= 0; }

  var logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', function () {
      fetch('/api/v1/console/logout', { method: 'POST', credentials: 'same-origin' }).then(function () { location.href = '/console/login.html'; });
    });
  }

  EM.session = { me: me, can: can };
})();
