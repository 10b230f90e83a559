// Raccroche: one sign-in for the application and the web apps (docs/security.md S27). The web apps
// have no login of their own: the application's login page signs people in, and the web apps'
// "Déconnexion" signs out of everything. When the web app goes to its own login route, this script
// leaves it: after that sign-out, for the application's login page ("Vous êtes déconnecté");
// when the session has ended, for this web app's address again, which the server sends to the
// login page and, once signed in, back here. The same file is copied
// into the admin, cockpit, tasklist and welcome web apps (loaded through customScripts in
// scripts/config.js).
function applicationRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  // app-root is the context path followed by the web apps' path (/camunda).
  return appRoot.replace(/\/[^/]*$/, '');
}

function onLoginRoute() {
  return /^#!?\/login/.test(window.location.hash);
}

let signingOut = false;

function leaveForTheApplicationsLogin() {
  if (!onLoginRoute()) {
    return;
  }
  window.location.replace(
    signingOut ? applicationRoot() + '/login?logout' : window.location.pathname
  );
}

// The web app's sign-out menu entry: remembered so that the login page says "déconnecté".
document.addEventListener(
  'click',
  event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('[ng-click*="logout"]')) {
      signingOut = true;
    }
  },
  true
);
window.addEventListener('hashchange', leaveForTheApplicationsLogin);
leaveForTheApplicationsLogin();
