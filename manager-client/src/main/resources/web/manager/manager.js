// The manager page's shell: sign-in (managers, admins and agency supervisors only), the
// language toggle, the connection mark, and starting or stopping the live monitor.

import { t, translate, setLang, lang } from './messages.js';
import { api, saveSession, session, whenUnauthorized } from './api.js';
import { ApiError } from '/web/common/http.js';
import { Monitor } from './monitor.js';

const $ = (id) => document.getElementById(id);
const ALLOWED = new Set(['manager', 'admin', 'supervisor']);

let monitor = null;
let hallName = '';
let message = null; // the sign-in message shown: [key, ...args], redrawn when the language changes

function show(view) {
  $('view-login').hidden = view !== 'login';
  $('view-monitor').hidden = view !== 'monitor';
  document.body.dataset.view = view;
  const s = session();
  const on = view === 'monitor' && s;
  $('logout').hidden = !on;
  $('conn').hidden = !on;
  $('bar-user').textContent = on ? s.user.displayName || s.user.username : '';
  $('to-admin').hidden = !(on && s.user.role === 'admin');
  const scope = $('scope');
  scope.hidden = !on;
  if (on) {
    scope.textContent = s.user.role === 'supervisor' ? t('scopeAgency', s.user.agency) : t('scopeHall');
  }
  if (view !== 'monitor') {
    $('offline-banner').hidden = true;
  }
}

function setConnected(up) {
  document.body.dataset.connected = String(up);
  const mark = $('conn');
  mark.textContent = up ? t('online') : t('offline');
  mark.classList.toggle('down', !up);
  $('offline-banner').hidden = up || document.body.dataset.view !== 'monitor';
}

function setHall(hall) {
  hallName = `${hall.name ?? ''} ${hall.subtitle ?? ''}`.trim();
  $('hall-name').textContent = hallName;
}

/** Shows t(key, ...args) above the sign-in form; a role refusal also links to the counter terminal. */
function loginMessage(key, ...args) {
  message = key ? [key, ...args] : null;
  $('login-message').hidden = !key;
  $('login-message-text').textContent = key ? t(key, ...args) : '';
  $('to-counter').hidden = key !== 'notForRole';
  document.body.dataset.loginMessage = key || '';
}

function showLogin(key) {
  show('login');
  loginMessage(key);
  $('password').value = '';
  $('username').focus();
}

function signOut(key) {
  if (monitor) {
    monitor.stop();
    monitor = null;
  }
  saveSession(null);
  setConnected(true);
  showLogin(key);
}

async function startMonitor(s) {
  show('monitor');
  setConnected(false);
  monitor = new Monitor(s, {
    connected: setConnected,
    unauthorized: () => signOut('sessionEnded'),
    hall: setHall,
  });
  await monitor.start();
  $('view-monitor').focus();
}

async function onLogin(e) {
  e.preventDefault();
  const button = $('login-button');
  button.disabled = true;
  button.textContent = t('signingIn');
  loginMessage(null);
  try {
    const res = await api.login($('username').value.trim(), $('password').value);
    if (!ALLOWED.has(res.user.role)) {
      // nothing is kept: an officer's token has no business on this page
      loginMessage('notForRole', res.user.role);
      $('password').value = '';
      return;
    }
    saveSession({ token: res.token, user: res.user });
    $('password').value = '';
    await startMonitor(session());
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      loginMessage('wrongLogin');
    } else {
      loginMessage('networkError');
    }
  } finally {
    button.disabled = false;
    button.textContent = t('signIn');
  }
}

function init() {
  translate();
  whenUnauthorized(() => signOut('sessionEnded'));
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', () => {
    api.logout();
    signOut(null);
  });
  $('lang').addEventListener('click', () => {
    setLang(lang() === 'en' ? 'id' : 'en');
    translate();
    show(document.body.dataset.view);
    setConnected(document.body.dataset.connected === 'true');
    monitor?.render();
    if (message) {
      loginMessage(...message);
    }
  });
  api.hall().then(setHall).catch(() => {});
  const s = session();
  if (s?.token && ALLOWED.has(s.user?.role)) {
    startMonitor(s);
  } else {
    showLogin(null);
  }
}

init();
