// The visitor's phone page, opened from the ticket's QR: the number, where it stands, and a
// call that sounds and vibrates. No personal data: the tracking token in the address is all it knows.
// <body data-status> mirrors the ticket's status and <body data-live> the live connection, for tests.
import { api, live } from './api.js';
import { ApiError, NetworkError } from '/web/common/http.js';
import { confirmDialog, h } from '/web/common/dom.js';
import { lang, serverText, setLang, t } from './messages.js';
import { trackSurvey } from './track-survey.js';

const LANG_KEY = 'antre.lang';
const SOUND_KEY = 'antre.sound';
const body = document.body;
const main = document.getElementById('main');
const dialog = document.getElementById('confirm');
const token = decodeURIComponent(location.pathname.replace(/^\/t\//, '').replace(/\/+$/, ''));

const state = { ticket: null, missing: false, up: false, sound: localStorage.getItem(SOUND_KEY) === 'on' };
let audio = null;
let refetchTimer = 0;
const survey = trackSurvey(token, lang, () => render());

// ------------------------------------------------------------------ data

async function refresh() {
  try {
    update(await api.ticket(token));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      state.missing = true;
      render();
    }
    // a network blip: the live socket reconnects and fetches again
  }
}

/** Several events in a burst (a call moves every queue) need only one fetch. */
function refetchSoon() {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(refresh, 300);
}

function update(ticket) {
  const before = state.ticket?.status;
  state.ticket = ticket;
  state.missing = false;
  followQueue();
  render();
  // only a change seen while the page is open alerts: a reload never replays an old call
  if (before && before !== 'CALLED' && ticket.status === 'CALLED') {
    alertCalled();
  }
}

function onLive(msg) {
  if (msg.type === 'snapshot' && msg.topic === `ticket:${token}`) {
    if (msg.number) {
      update(msg);
    }
  } else if (msg.type === 'ticket') {
    refetchSoon();
  } else if (msg.type === 'queue' && state.ticket && state.ticket.status !== 'DONE'
      && (!msg.service || msg.service === state.ticket.service)) {
    refetchSoon();
  } else if (msg.type === 'error' && msg.code === 'UNKNOWN_TICKET') {
    state.missing = true;
    render();
  }
}

// ------------------------------------------------------------------ view

const STATUS = {
  WAITING: ['statusWaiting', (tk) => (tk.countersOpen === 0
    ? t('statusNotServingLine', tk.ahead ?? 0, tk.servingFrom)
    : t('statusWaitingLine', tk.ahead ?? 0, tk.estimatedWaitMinutes ?? 0))],
  CALLED: ['statusCalled', (tk) => t('statusCalledLine', counterName(tk))],
  SERVING: ['statusServing', (tk) => t('statusServingLine', counterName(tk))],
  DONE: ['statusDone', () => t('statusDoneLine')],
  NO_SHOW: ['statusNoShow', () => t('statusNoShowLine')],
  HELD: ['statusHeld', () => t('statusHeldLine')],
  CANCELLED: ['statusCancelled', () => t('statusCancelledLine')],
  EXPIRED: ['statusExpired', () => t('statusExpiredLine')],
};

function counterName(tk) {
  return tk.counterName || (tk.counter ? `Loket ${tk.counter}` : '');
}

function render() {
  document.getElementById('title').textContent = t('trackTitle');
  const toggle = document.getElementById('lang');
  toggle.textContent = t('otherLang');
  toggle.setAttribute('lang', lang() === 'en' ? 'id' : 'en');
  if (state.missing) {
    body.dataset.status = 'missing';
    document.title = t('trackTitle');
    main.replaceChildren(h('p', { class: 'notice notice-stop' }, t('trackNotFound')));
    return;
  }
  const tk = state.ticket;
  if (!tk) {
    main.replaceChildren(h('p', { class: 'loading' }, t('trackLoading')));
    return;
  }
  const [wordKey, line] = STATUS[tk.status] || ['statusWaiting', () => ''];
  body.dataset.status = tk.status;
  document.title = `${tk.number} — ${t(wordKey)}`;
  const open = tk.status === 'WAITING' || tk.status === 'HELD';
  // the survey form is drawn again with the page: whoever is typing in it keeps the focus
  const active = document.activeElement;
  main.replaceChildren(...[
    h('section', { class: 'number-card' },
      h('p', { class: 'label' }, t('yourNumber')),
      h('p', { class: 'number', dataset: { number: tk.number } }, tk.number),
      h('p', { class: 'service' }, tk.serviceName || tk.service),
      tk.where ? h('p', { class: 'where', dataset: { where: tk.where } }, t('whereLine', tk.where)) : null),
    h('section', { class: `status-card status-${tk.status.toLowerCase()}`, role: 'status' },
      h('h1', { class: 'status-word' }, t(wordKey)),
      h('p', { class: 'status-line' }, line(tk))),
    survey.view(tk.status),
    h('p', { class: `live-state ${state.up ? 'up' : 'down'}` },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), state.up ? t('live') : t('reconnecting')),
    open
      ? h('button', {
        class: `secondary sound${state.sound ? ' on' : ''}`, type: 'button', 'aria-pressed': String(state.sound),
        dataset: { action: 'sound' }, onclick: toggleSound,
      }, state.sound ? t('soundOn') : t('soundOff'))
      : null,
    open ? h('button', { class: 'danger-outline', type: 'button', dataset: { action: 'cancel' }, onclick: askCancel },
      t('cancel')) : null,
    h('p', { class: 'privacy' }, t('privacy')),
  ].filter(Boolean));
  if (active && active !== document.body && main.contains(active)) {
    active.focus({ preventScroll: true });
  }
}

// ------------------------------------------------------------------ sound and vibration

function toggleSound() {
  state.sound = !state.sound;
  localStorage.setItem(SOUND_KEY, state.sound ? 'on' : 'off');
  if (state.sound) {
    // browsers allow sound only after a tap: this tap unlocks it, and a short chime confirms it works
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
    chime();
    navigator.vibrate?.(80);
  }
  render();
}

function chime() {
  if (!audio) {
    return;
  }
  const now = audio.currentTime;
  [[880, 0], [660, 0.45]].forEach(([freq, at]) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + at);
    gain.gain.exponentialRampToValueAtTime(0.5, now + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.7);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + at);
    osc.stop(now + at + 0.75);
  });
}

function alertCalled() {
  body.dataset.alerted = 'true';
  navigator.vibrate?.([400, 200, 400, 200, 400]);
  if (state.sound) {
    chime();
  }
}

// ------------------------------------------------------------------ cancel

function askCancel() {
  confirmDialog(dialog, {
    question: t('cancelQuestion', state.ticket.number),
    warning: t('cancelWarning'),
    yes: t('cancelYes'),
    no: t('cancelNo'),
    confirm: async () => {
      await api.cancel(token);
      dialog.close();
      await refresh();
    },
    failed: (e) => `${t('cancelFailed')} ${e instanceof ApiError ? serverText(e.detail || e.title) : e instanceof NetworkError ? e.message : e}`,
  });
}

// ------------------------------------------------------------------ live

let line = null;
let followed = null;

function queueTopic() {
  followed = state.ticket?.service ? `queues:${state.ticket.service}` : 'queues';
  body.dataset.queues = followed;
  return followed;
}

/** After a transfer the ticket's service changes: follow the new service's queue instead. */
function followQueue() {
  if (!line || !state.up || !followed || followed === `queues:${state.ticket.service}`) {
    return;
  }
  const old = followed;
  line.send({ type: 'unsubscribe', topics: [old] });
  line.send({ type: 'subscribe', topics: [queueTopic()] });
}

// ------------------------------------------------------------------ start

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'id' : 'en');
  localStorage.setItem(LANG_KEY, lang());
  survey.setLang(lang());
  render();
});

setLang(localStorage.getItem(LANG_KEY) || 'id');
render();
if (!token) {
  state.missing = true;
  render();
} else {
  refresh();
  // the queue of the ticket's own service only, once the ticket is known: a phone on a slow line
  // does not need every service's counts; on every (re)connect the topics are made anew
  line = live(() => ({ type: 'subscribe', topics: [`ticket:${token}`, queueTopic()] }), onLive, (up) => {
    state.up = up;
    body.dataset.live = up ? 'on' : 'off';
    render();
    if (up) {
      refetchSoon();
    }
  });
}
