// Raccroche: the Camunda 7 Community Edition end-of-life banner (class "ce-eol-banner", in the
// header of the four web apps) is addressed to administrators. styles/user-styles.css hides it
// unless <html> carries the class below, which this script sets when the signed-in user may open
// the Admin web app. Loaded through customScripts in scripts/config.js; the same file is copied
// into the admin, cockpit, tasklist and welcome web apps (see docs/adr/0003-french-web-apps.md).
const SHOW_CLASS = 'raccroche-show-eol-banner';

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function engineName() {
  const match = window.location.pathname.match(/\/app\/[^/]+\/([^/]+)\//);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function onLoginPage() {
  return /^#!?\/login/.test(window.location.hash);
}

async function signedInUserIsAdministrator() {
  try {
    const response = await fetch(
      appRoot() + '/api/admin/auth/user/' + encodeURIComponent(engineName()),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}}
    );
    if (!response.ok) {
      return false;
    }
    const user = await response.json();
    return Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin');
  } catch (e) {
    return false;
  }
}

async function refresh() {
  const show = await signedInUserIsAdministrator();
  document.documentElement.classList.toggle(SHOW_CLASS, show);
}

// Signing in or out happens without reloading the page: check again when the route enters or
// leaves the login page.
let wasOnLoginPage = onLoginPage();
window.addEventListener('hashchange', () => {
  const now = onLoginPage();
  if (now !== wasOnLoginPage) {
    wasOnLoginPage = now;
    refresh();
  }
});
refresh();
