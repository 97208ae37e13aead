// The survey tablet at a counter ("/survey"): a device of its own kind, bound to one counter. It
// asks the server every few seconds which visit that counter has just finished
// (GET /api/v1/surveys/pending) and offers that visit's survey; the visitor answers and it
// thanks them, then waits for the next. The device token is given once, as ?device= or typed on
// the set-up screen, kept in localStorage and never left in the address.
// <body data-screen> is setup|idle|form|thanks, and data-ticket the number being asked about.

import { h } from '/web/common/dom.js';
import { ApiError } from '/web/common/http.js';
import { api } from './api.js';
import { identify } from '/web/common/client.js';
import { surveyForm } from './survey-form.js';
import { st } from './survey-messages.js';

identify('survey');

const DEVICE_KEY = 'antre.survey.device';
const LANG_KEY = 'antre.survey.lang';
const POLL_MS = 2500;
/** A visitor who walks away from the form: back to waiting after this long without a touch. */
const IDLE_MS = 120000;
const THANKS_MS = 6000;

const body = document.body;
const main = document.getElementById('main');
const state = {
  device: takeDeviceToken(), lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id',
  pending: null, form: null, refused: false, dismissed: new Set(),
};
let pollTimer = 0;
let idleTimer = 0;

/** The token arrives once as ?device=; it is kept and taken out of the address bar. */
function takeDeviceToken() {
  const params = new URLSearchParams(location.search);
  const given = params.get('device');
  if (given) {
    localStorage.setItem(DEVICE_KEY, given);
    params.delete('device');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
    return given;
  }
  return localStorage.getItem(DEVICE_KEY);
}

const TEXT = {
  id: {
    setupTitle: 'Tablet survei belum terdaftar',
    setupBody: 'Petugas: masukkan token tablet survei (tercetak saat server dimulai, atau dari admin). '
      + 'Token disimpan di tablet ini.',
    refused: 'Token ditolak server: salah ketik, sudah dicabut, atau bukan token tablet survei.',
    tokenLabel: 'Token perangkat',
    save: 'Simpan',
    idleTitle: 'Terima kasih atas kunjungan Anda',
    idleLine: 'Setelah Anda selesai dilayani di loket ini, survei singkat akan muncul di sini.',
    forNumber: (n) => `Untuk nomor antrean ${n}`,
    skip: 'Lewati',
    offline: 'Tidak terhubung ke server. Mencoba lagi…',
  },
  en: {
    setupTitle: 'Survey tablet not set up',
    setupBody: 'Staff: enter the survey tablet\'s token (printed when the server starts, or from an administrator). '
      + 'It is kept on this tablet.',
    refused: 'The server refused the token: a typo, revoked, or not a survey tablet\'s token.',
    tokenLabel: 'Device token',
    save: 'Save',
    idleTitle: 'Thank you for your visit',
    idleLine: 'Once you have been served at this counter, a short survey appears here.',
    forNumber: (n) => `For queue number ${n}`,
    skip: 'Skip',
    offline: 'Not connected to the server. Retrying…',
  },
};

function tt(key, ...args) {
  const v = TEXT[state.lang][key] ?? TEXT.id[key];
  return typeof v === 'function' ? v(...args) : v;
}

// ------------------------------------------------------------------ screens

function show(screen, ...children) {
  body.dataset.screen = screen;
  document.getElementById('title').textContent = st(state.lang, 'title');
  const toggle = document.getElementById('lang');
  toggle.textContent = state.lang === 'en' ? 'Bahasa Indonesia' : 'English';
  main.replaceChildren(...children.filter(Boolean));
}

function setupScreen() {
  const input = h('input', { id: 'device-token', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'setup-form', onsubmit: (e) => {
    e.preventDefault();
    if (input.value.trim()) {
      state.device = input.value.trim();
      localStorage.setItem(DEVICE_KEY, state.device);
      state.refused = false;
      idleScreen();
      poll();
    }
  } }, h('label', { for: 'device-token' }, tt('tokenLabel')), input,
  h('button', { class: 'primary', type: 'submit', dataset: { action: 'save-token' } }, tt('save')));
  show('setup', h('section', { class: 'notice notice-warn' },
    h('h2', {}, tt('setupTitle')),
    state.refused ? h('p', { class: 'strong' }, tt('refused')) : null,
    h('p', {}, tt('setupBody'))), form);
}

function idleScreen(offline = false) {
  delete body.dataset.ticket;
  show('idle', h('section', { class: 'tablet-idle' },
    h('h1', {}, tt('idleTitle')),
    h('p', {}, tt('idleLine')),
    offline ? h('p', { class: 'notice notice-warn' }, tt('offline')) : null));
}

function formScreen() {
  const p = state.pending;
  body.dataset.ticket = p.number;
  show('form', h('section', { class: 'survey-card' },
    h('p', { class: 'tablet-number' }, tt('forNumber', p.number)),
    h('h2', {}, st(state.lang, 'invite')),
    h('p', { class: 'tablet-line' }, st(state.lang, 'inviteLine')),
    state.form.el),
  h('button', { class: 'secondary tablet-skip', type: 'button', dataset: { action: 'skip' }, onclick: dismiss },
    tt('skip')));
}

function thanksScreen() {
  show('thanks', h('section', { class: 'survey-thanks', role: 'status' },
    h('h2', {}, st(state.lang, 'thanks')), h('p', {}, st(state.lang, 'thanksLine'))));
  setTimeout(() => {
    if (body.dataset.screen === 'thanks') {
      idleScreen();
      poll();
    }
  }, THANKS_MS);
}

// ------------------------------------------------------------------ the visit being asked about

function offer(pending) {
  state.pending = pending;
  state.form = surveyForm({
    lang: state.lang,
    send: (answer) => api.answerSurvey({ ticket: pending.ticket, ...answer }, state.device),
    onSent: () => {
      state.dismissed.add(pending.ticket);
      clearTimeout(idleTimer);
      state.form = null;
      thanksScreen();
    },
    onTouch: touched,
  });
  formScreen();
  touched();
}

function touched() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(dismiss, IDLE_MS);
}

/** The visitor walked away or skipped: this visit is not offered again here. */
function dismiss() {
  clearTimeout(idleTimer);
  if (state.pending) {
    state.dismissed.add(state.pending.ticket);
  }
  state.form = null;
  idleScreen();
  poll();
}

async function poll() {
  clearTimeout(pollTimer);
  if (!state.device || body.dataset.screen === 'form' || body.dataset.screen === 'thanks') {
    return;
  }
  try {
    const pending = await api.pendingSurvey(state.device);
    if (pending && !state.dismissed.has(pending.ticket) && body.dataset.screen === 'idle') {
      offer(pending);
      return;
    }
    if (body.dataset.screen !== 'idle' && body.dataset.screen !== 'setup') {
      idleScreen();
    }
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      state.refused = true;
      setupScreen();
      return;
    }
    if (body.dataset.screen === 'idle' || body.dataset.screen === 'loading') {
      idleScreen(true);
    }
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

// ------------------------------------------------------------------ start

document.getElementById('lang').addEventListener('click', () => {
  state.lang = state.lang === 'en' ? 'id' : 'en';
  localStorage.setItem(LANG_KEY, state.lang);
  document.documentElement.lang = state.lang;
  const screen = body.dataset.screen;
  if (screen === 'form') {
    state.form.setLang(state.lang);
    formScreen();
  } else if (screen === 'setup') setupScreen();
  else if (screen === 'thanks') thanksScreen();
  else idleScreen();
});
document.documentElement.lang = state.lang;

if (!state.device) {
  setupScreen();
} else {
  idleScreen();
  poll();
}
