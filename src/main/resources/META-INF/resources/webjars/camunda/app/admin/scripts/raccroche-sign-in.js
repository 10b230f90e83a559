// Raccroche: one sign-in for the application and the web apps (docs/security.md S27, S28). The web
// apps have no login of their own: the application's login page (or ProConnect) signs people in.
// - "Se déconnecter" in the web app signs out of everything: this script makes the sign-out call
//   itself and then goes where the server says: ProConnect's logout after a ProConnect sign-in,
//   else the application's login page ("Vous êtes déconnecté").
// - When the web app goes to its own login route (the session has ended), this script reloads the
//   web app's address instead, which the server sends to the login page and, once signed in, back.
// - A link back to the application's home page ("Retour à Raccroche") heads the web app's menu.
// The same file is copied into the admin, cockpit, tasklist and welcome web apps (loaded through
// customScripts in scripts/config.js).
function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function applicationRoot() {
  // app-root is the context path followed by the web apps' path (/camunda).
  return appRoot().replace(/\/[^/]*$/, '');
}

function engineName() {
  const match = window.location.pathname.match(/\/app\/[^/]+\/([^/]+)\//);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function onLoginRoute() {
  return /^#!?\/login/.test(window.location.hash);
}

let signingOut = false;

function leaveTheWebAppsLoginRoute() {
  if (onLoginRoute() && !signingOut) {
    window.location.replace(window.location.pathname);
  }
}

async function webAppCsrfToken() {
  const cookie = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  if (cookie) {
    return decodeURIComponent(cookie[1]);
  }
  const response = await fetch(appRoot() + '/api/admin/auth/user/' + encodeURIComponent(engineName()), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  return response.headers.get('X-XSRF-TOKEN') || '';
}

async function signOut() {
  signingOut = true;
  let next = applicationRoot() + '/login?logout';
  try {
    const response = await fetch(
      appRoot() + '/api/admin/auth/user/' + encodeURIComponent(engineName()) + '/logout',
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: {Accept: 'application/json', 'X-XSRF-TOKEN': await webAppCsrfToken()}
      }
    );
    if (response.ok) {
      const answer = await response.json();
      if (answer && typeof answer.redirect === 'string' && answer.redirect) {
        next = answer.redirect;
      }
    }
  } catch (e) {
    // Signed out or not, the login page says what to do next.
  }
  window.location.replace(next);
}

// The web app's sign-out menu entry, before the web app's own handler.
document.addEventListener(
  'click',
  event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('li.logout a, [ng-click="logout()"]')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      signOut();
    }
  },
  true
);
window.addEventListener('hashchange', leaveTheWebAppsLoginRoute);
leaveTheWebAppsLoginRoute();

// "Retour à Raccroche": a link to the application's home page in the web app's header menu
// (nav.cam-nav), before the user's menu, so that Tasklist, Cockpit, Admin and Welcome keep their
// look and still lead back. The header is drawn by AngularJS after this script runs, and may be
// drawn again: the link is added whenever the menu is there without it. Only once the user's menu
// is shown: AngularJS links a template's nodes by their position, so nothing is added to the menu
// before it has linked it (an element added earlier shifts the positions and breaks the header).
const RACCROCHE_HOME_LINK_ID = 'raccroche-home-link';

function homeLinkLabel() {
  try {
    return window.localStorage.getItem('raccroche-webapps-locale') === 'en'
      ? 'Back to Raccroche'
      : 'Retour à Raccroche';
  } catch (e) {
    return 'Retour à Raccroche';
  }
}

function addHomeLink() {
  if (document.getElementById(RACCROCHE_HOME_LINK_ID)) {
    return;
  }
  const account = document.querySelector('nav.cam-nav > ul > li.account');
  if (!account) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'raccroche-home';
  const link = document.createElement('a');
  link.id = RACCROCHE_HOME_LINK_ID;
  link.href = applicationRoot() + '/';
  link.textContent = homeLinkLabel();
  item.appendChild(link);
  account.parentNode.insertBefore(item, account);
}

// A check every half second rather than a MutationObserver on the whole page: it stays out of
// AngularJS's own rendering (Tasklist's labels are translated while the page is drawn).
window.setInterval(addHomeLink, 500);
addHomeLink();
