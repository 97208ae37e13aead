// The counter terminal's shell: sign-in, choosing a counter, switching between the officer's
// terminal and the supervisor's monitor, the language toggle and the connection mark.

import { t, translate, setLang, lang, label, serverText } from './messages.js';
import * as api from './api.js';
import { ApiError, backoff, withRetry } from '/web/common/http.js';
import { Terminal } from './terminal.js';
import { Supervisor } from './supervisor.js';
import { identify } from '/web/common/client.js';

identify('counter');

const $ = (id) => document.getElementById(id);
const ACTIVE_KEY = 'antre.counter.active'; // this tab's counter: a reload returns to it
const choiceKey = (user) => `antre.counter.choice.${user}`; // remembered on this computer

const VIEWS = ['login', 'picker', 'terminal', 'supervisor'];
let hall = null;
let controller = null; // the running Terminal or Supervisor

const isSupervisor = (user) => ['supervisor', 'manager', 'admin'].includes(user?.role);

function show(view) {
  for (const v of VIEWS) {
    $(`view-${v}`).hidden = v !== view;
  }
  document.body.dataset.view = view;
  const s = api.session();
  $('logout').hidden = view === 'login';
  $('bar-user').textContent = s && view !== 'login' ? s.user.displayName || s.user.username : '';
  $('to-supervisor').hidden = !(s && isSupervisor(s.user) && view !== 'supervisor' && view !== 'login');
  const toPicker = $('to-picker');
  toPicker.hidden = !(view === 'terminal' || (view === 'supervisor'));
  toPicker.dataset.i18n = view === 'supervisor' ? 'serveAtCounter' : 'changeCounter';
  toPicker.textContent = t(toPicker.dataset.i18n);
  $('conn').hidden = view === 'login' || view === 'picker';
  if (view !== 'terminal') {
    $('bar-counter').textContent = '';
  }
}

function stopController() {
  if (controller) {
    controller.stop();
    controller = null;
  }
  setConnected(true);
  setPresence([]);
}

/** The connection mark in the bar and the banner; the views call it. */
export function setConnected(up) {
  document.body.dataset.connected = String(up);
  const mark = $('conn');
  mark.textContent = up ? t('online') : t('offline');
  mark.classList.toggle('down', !up);
  $('offline-banner').hidden = up || document.body.dataset.view === 'login';
}

/** Other terminals showing this counter: [{terminal, user}]. */
export function setPresence(others) {
  const banner = $('presence-banner');
  const on = others.length > 0;
  document.body.dataset.presenceWarning = String(on);
  banner.hidden = !on;
  banner.textContent = on ? t('presence', [...new Set(others.map((o) => o.user || '?'))].join(', ')) : '';
}

function signOut(message) {
  stopController();
  api.saveSession(null);
  sessionStorage.removeItem(ACTIVE_KEY);
  showLogin(message);
}

function showLogin(message) {
  show('login');
  const m = $('login-message');
  m.hidden = !message;
  m.textContent = message || '';
  $('password').value = '';
  $('username').focus();
}

async function login(e) {
  e.preventDefault();
  const button = $('login-button');
  if (button.disabled) {
    return;
  }
  button.disabled = true;
  button.textContent = t('signingIn');
  try {
    const r = await api.request('POST', '/auth/login', { username: $('username').value.trim(), password: $('password').value });
    api.saveSession({ token: r.token, expiresAt: r.expiresAt, user: r.user });
    await route();
  } catch (err) {
    const m = $('login-message');
    m.hidden = false;
    m.textContent = err instanceof ApiError
      ? (err.status === 401 ? t('wrongLogin') : serverText(err.detail) || err.title)
      : t('networkError');
  } finally {
    button.disabled = false;
    button.textContent = t('signIn');
  }
}

async function loadHall() {
  hall = await withRetry(() => api.get('/hall'), {
    delayMs: backoff(500, 4000),
    shouldRetry: () => true,
    onRetry: () => setConnected(false),
  });
}

async function route() {
  const s = api.session();
  if (!s) {
    showLogin();
    return;
  }
  if (!hall) {
    await loadHall();
  }
  const active = sessionStorage.getItem(ACTIVE_KEY);
  if (active) {
    openTerminal(active);
  } else if (isSupervisor(s.user)) {
    openSupervisor();
  } else {
    openPicker();
  }
}

function agencyName(code) {
  return hall?.agencies?.find((a) => a.code === code)?.name || code || '';
}

async function openPicker() {
  stopController();
  sessionStorage.removeItem(ACTIVE_KEY);
  show('picker');
  const list = $('picker-list');
  const message = $('picker-message');
  list.replaceChildren();
  message.hidden = true;
  let counters;
  try {
    counters = (await api.get('/counters')).counters;
  } catch (err) {
    message.hidden = false;
    message.textContent = err instanceof ApiError ? serverText(err.detail) || err.title : t('networkError');
    return;
  }
  if (counters.length === 0) {
    message.hidden = false;
    message.textContent = t('noCounters');
    return;
  }
  const user = api.session().user.username;
  const remembered = localStorage.getItem(choiceKey(user));
  let focus = null;
  for (const c of counters) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.counter = c.id;
    b.className = 'pick';
    const name = document.createElement('strong');
    name.textContent = c.name;
    const info = document.createElement('span');
    info.className = 'pick-info';
    const parts = [agencyName(c.agency), label('state', c.state)];
    if (c.officer) {
      parts.push(t('officerAt', c.officer));
    }
    info.textContent = parts.join(' · ');
    const svc = document.createElement('span');
    svc.className = 'pick-services';
    svc.textContent = (c.services || []).join(', ');
    b.append(name, info, svc);
    b.classList.add(`state-${(c.state || '').toLowerCase()}`);
    b.addEventListener('click', () => {
      localStorage.setItem(choiceKey(user), c.id);
      openTerminal(c.id);
    });
    li.append(b);
    list.append(li);
    if (c.id === remembered || !focus) {
      focus = c.id === remembered ? b : focus || b;
    }
  }
  document.body.dataset.pickerCounters = counters.map((c) => c.id).join(',');
  focus?.focus();
}

function openTerminal(counterId) {
  stopController();
  sessionStorage.setItem(ACTIVE_KEY, counterId);
  show('terminal');
  controller = new Terminal({
    hall,
    counterId,
    onConnected: setConnected,
    onPresence: setPresence,
    onTitle: (name) => {
      $('bar-counter').textContent = name;
      document.title = `${name} · ${t('pageTitle')}`;
    },
    onGone: () => openPicker(),
  });
  controller.start();
}

function openSupervisor() {
  stopController();
  sessionStorage.removeItem(ACTIVE_KEY);
  show('supervisor');
  document.title = `${t('supTitle')} · Antre`;
  controller = new Supervisor({ hall, onConnected: setConnected });
  controller.start();
}

function toggleLanguage() {
  setLang(lang() === 'id' ? 'en' : 'id');
  translate();
  document.body.dataset.lang = lang();
  setConnected(document.body.dataset.connected !== 'false');
  controller?.render();
  if (document.body.dataset.view === 'picker') {
    openPicker();
  }
}

function boot() {
  translate();
  document.body.dataset.lang = lang();
  api.onEvents({
    unauthorized: (err) => signOut(err.code === 'TOKEN_EXPIRED' ? t('sessionEnded') : serverText(err.detail) || t('sessionEnded')),
  });
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => {
    api.logout();
    signOut();
  });
  $('lang').addEventListener('click', toggleLanguage);
  $('to-picker').addEventListener('click', () => openPicker());
  $('to-supervisor').addEventListener('click', () => openSupervisor());
  window.addEventListener('antre:signout', (e) => signOut(e.detail));
  route();
}

boot();
