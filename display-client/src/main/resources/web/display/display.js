// The wall display: /display?zone=lantai-1[&lang=en][&audio=off]
//
// The screen follows every call at once; the voice follows in order behind it. A reload never
// replays an old call: the seq of the last call announced is kept per zone in localStorage, and
// only calls after it (and, when they come from a replay, only fresh ones) are announced.
//
// Test hooks on <body>: data-connected, data-last-seq, data-announced (seqs whose announcement
// started, in order, since the page loaded), data-queued (seqs still waiting their turn),
// data-playing (the seq being announced), data-voice ("clips" or "speech:<missing clips>"),
// data-sound ("blocked" while the click-to-enable overlay is up), data-running-text (the text the
// ticker runs now, set once its fade-over is done). ?audio=off simulates playback
// (?audioMs= its length, 300 by default); ?audio=blocked also simulates a browser that blocks
// sound until a click.

import { messagesFor } from './messages.js';
import { formatClock } from './clock.js';
import { waitingRows } from './waiting.js';
import { Feed } from './feed.js';
import { request } from '/web/common/http.js';
import { wsUrl } from '/web/common/live.js';
import { Announcer, ClipPlayer, SilentPlayer } from './announcer.js';

const RECENT_SHOWN = 6;
const CALLS_KEPT = 60;
/** A call replayed after a reconnect is announced only if it is this fresh. */
const REPLAY_FRESH_MS = 2 * 60 * 1000;
const FLASH_MS = 6000;
const TICKER_PX_PER_S = 110;
/** A new running text waits for the old one to fade out where it stands (see .ticker-text.fading). */
const TICKER_FADE_MS = 400;

const params = new URLSearchParams(location.search);
const zone = (params.get('zone') || '').trim() || null;
const msg = messagesFor(params.get('lang'));
const audioMode = params.get('audio') || 'on';
const storageKey = 'antre.display.lastAnnouncedSeq.' + (zone || '*');

const $ = (id) => document.getElementById(id);
const body = document.body;

const state = {
  hall: null,
  timeZone: 'Asia/Jakarta',
  calls: new Map(), // seq -> call
  lastSeq: null, // newest call handled: the `since` of the next subscribe
  snapshotSeq: null, // the hall's newest seq when the last calls snapshot was taken
  heard: new Set(), // seqs that came as call messages (not only in a snapshot)
  counters: new Map(), // id -> counter, this zone's only
  waiting: new Map(), // service code -> waiting count
  heroSeq: null,
  runningText: null, // what the ticker runs; null until the hall is read
};

// ------------------------------------------------------------------ remembered announcements

function storedSeq() {
  try {
    const v = Number(localStorage.getItem(storageKey));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch (e) {
    return null;
  }
}

function storeSeq(seq) {
  try {
    localStorage.setItem(storageKey, String(seq));
  } catch (e) {
    // a browser without storage: a reload may then repeat nothing worse than the last call
  }
}

// ------------------------------------------------------------------ voice

const player = audioMode === 'off' || audioMode === 'blocked'
  ? new SilentPlayer(Number(params.get('audioMs')) || 300, audioMode === 'blocked')
  : new ClipPlayer(msg.speechLang);

const announcer = new Announcer({
  player,
  onStart: (call) => {
    if (call.seq > (storedSeq() || 0)) {
      storeSeq(call.seq);
    }
  },
  onBlocked: () => {
    $('sound-overlay').hidden = false;
    body.dataset.sound = 'blocked';
  },
  onChange: () => {
    body.dataset.announced = announcer.announced.join(',');
    body.dataset.queued = announcer.queue.filter((i) => !i.started).map((i) => i.call.seq).join(',');
    body.dataset.playing = announcer.queue.filter((i) => i.started).map((i) => i.call.seq).join(',');
  },
});

$('sound-overlay').addEventListener('click', () => {
  $('sound-overlay').hidden = true;
  body.dataset.sound = 'on';
  announcer.resume();
});

function shouldAnnounce(call) {
  const stored = storedSeq();
  if (stored != null && call.seq <= stored) {
    return false;
  }
  if (call.replay) {
    const at = Date.parse(call.at);
    return Number.isFinite(at) && Date.now() - at < REPLAY_FRESH_MS;
  }
  return true;
}

// ------------------------------------------------------------------ feed

function onMessage(m) {
  switch (m.type) {
    case 'snapshot':
      onSnapshot(m);
      break;
    case 'call':
      onCall(m);
      break;
    case 'queue':
      state.waiting.set(m.service, m.waiting);
      renderWaiting();
      break;
    case 'hall':
      renderTicker(m.runningText);
      break;
    case 'counter':
      if (m.counter && (!zone || m.counter.zone === zone)) {
        state.counters.set(m.counter.id, m.counter);
        renderCounters();
      }
      break;
    case 'error':
      console.warn('server:', m.code, m.detail);
      break;
    default:
      break;
  }
}

function onSnapshot(m) {
  if (m.topic === callsTopic) {
    const stored = storedSeq();
    if (stored != null && typeof m.seq === 'number' && m.seq < stored) {
      // the event log is younger than our memory of it (a new database): start over from it
      storeSeq(m.seq);
    }
    if (typeof m.seq === 'number') {
      state.snapshotSeq = m.seq;
    }
    for (const call of m.calls || []) {
      addCall(call, false);
    }
    renderCalls(false);
  } else if (m.topic === 'queues') {
    state.waiting.clear();
    for (const q of m.queues || []) {
      state.waiting.set(q.service, q.waiting);
    }
    renderWaiting();
  } else if (m.topic === 'counters') {
    state.counters.clear();
    for (const c of m.counters || []) {
      if (!zone || c.zone === zone) {
        state.counters.set(c.id, c);
      }
    }
    renderCounters();
  } else if (m.topic === 'hall') {
    renderTicker(m.runningText);
  }
}

function onCall(call) {
  if (typeof call.seq !== 'number' || state.heard.has(call.seq) || (zone && call.zone !== zone)) {
    return;
  }
  // a call the snapshot already showed may come again as a replay (since = the stored seq):
  // it is heard now, and may still be announced
  state.heard.add(call.seq);
  const announce = shouldAnnounce(call);
  state.calls.delete(call.seq);
  addCall(call, true);
  if (!call.replay) {
    // the counter's own event follows; show the number on its tile already
    const c = state.counters.get(call.counter);
    if (c) {
      c.current = { number: call.number, status: 'CALLED', service: call.service };
      c.state = 'OPEN';
    }
  }
  renderCalls(true);
  renderCounters();
  if (announce) {
    announcer.enqueue(call);
  }
}

function addCall(call, live) {
  if (state.calls.has(call.seq)) {
    return;
  }
  state.calls.set(call.seq, { ...call, live });
  if (state.lastSeq == null || call.seq > state.lastSeq) {
    state.lastSeq = call.seq;
    body.dataset.lastSeq = String(call.seq);
  }
  if (state.calls.size > CALLS_KEPT) {
    const oldest = Math.min(...state.calls.keys());
    state.calls.delete(oldest);
  }
  if (state.heard.size > CALLS_KEPT * 4) {
    const keep = [...state.heard].sort((a, b) => b - a).slice(0, CALLS_KEPT * 2);
    state.heard = new Set(keep);
  }
}

function onStatus(connected) {
  body.dataset.connected = String(connected);
  $('offline').hidden = connected;
}

const callsTopic = zone ? 'calls:zone:' + zone : 'calls';

// ------------------------------------------------------------------ rendering

function agencyOf(code) {
  return state.hall?.agencies.find((a) => a.code === code);
}

function serviceOf(code) {
  for (const a of state.hall?.agencies || []) {
    const s = a.services.find((x) => x.code === code);
    if (s) {
      return s;
    }
  }
  return null;
}

function sortedCalls() {
  return [...state.calls.values()].sort((a, b) => b.seq - a.seq);
}

function renderCalls(mayFlash) {
  const calls = sortedCalls();
  const hero = calls[0];
  const heroEl = $('hero');
  if (!hero) {
    $('hero-number').textContent = '';
    $('hero-counter').textContent = msg.waitingForCall;
    $('hero-agency').textContent = '';
    $('hero-service').textContent = '';
    $('hero-recall').hidden = true;
    heroEl.classList.add('idle');
  } else if (hero.seq !== state.heroSeq) {
    heroEl.classList.remove('idle');
    state.heroSeq = hero.seq;
    $('hero-number').textContent = hero.number;
    $('hero-counter').textContent = hero.counterName || `${msg.counters} ${hero.counter}`;
    $('hero-agency').textContent = hero.agencyName || agencyOf(hero.agency)?.name || '';
    $('hero-service').textContent = serviceOf(hero.service)?.name || '';
    $('hero-recall').hidden = !hero.recall;
    heroEl.dataset.seq = String(hero.seq);
    if (mayFlash && hero.live) {
      flash(heroEl);
    }
  }

  // earlier calls, one line per ticket (a recall does not push other numbers off the list)
  const seen = new Set(hero ? [hero.number + '|' + hero.counter] : []);
  const rows = [];
  for (const c of calls.slice(1)) {
    const key = c.number + '|' + c.counter;
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(c);
    }
    if (rows.length === RECENT_SHOWN) {
      break;
    }
  }
  const list = $('recent-list');
  list.replaceChildren(...rows.map((c) => {
    const li = document.createElement('li');
    li.dataset.seq = String(c.seq);
    li.innerHTML = '<span class="r-number"></span><span class="r-where"><span class="r-counter"></span>'
      + '<span class="r-agency"></span></span>';
    li.querySelector('.r-number').textContent = c.number;
    li.querySelector('.r-counter').textContent = c.counterName || c.counter;
    li.querySelector('.r-agency').textContent = c.agencyName || '';
    if (c.recall) {
      li.classList.add('recall');
    }
    return li;
  }));
  $('recent-empty').textContent = rows.length === 0 ? msg.noRecentCalls : '';
}

function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => el.classList.remove('flash'), FLASH_MS);
}

function renderCounters() {
  // the server lists counters in the hall's configuration order
  const counters = [...state.counters.values()];
  const heroCounter = state.calls.get(state.heroSeq)?.counter;
  const grid = $('counter-grid');
  grid.style.setProperty('--count', String(counters.length));
  grid.replaceChildren(...counters.map((c) => {
    const li = document.createElement('li');
    li.dataset.counter = c.id;
    li.innerHTML = '<span class="c-name"></span><span class="c-value"></span>';
    li.querySelector('.c-name').textContent = c.name || c.id;
    const value = li.querySelector('.c-value');
    if (c.current && c.current.number) {
      value.textContent = c.current.number;
      li.classList.add(c.current.status === 'CALLED' ? 'called' : 'serving');
    } else if (c.state === 'CLOSED') {
      value.textContent = msg.counterClosed;
      li.classList.add('closed');
    } else if (c.state === 'PAUSED') {
      value.textContent = msg.counterPaused;
      li.classList.add('paused');
    } else {
      value.textContent = msg.counterIdle;
      li.classList.add('idle');
    }
    if (c.id === heroCounter) {
      li.classList.add('current');
    }
    return li;
  }));
}

/** Waiting visitors per agency of this zone's counters (waiting.js). */
function renderWaiting() {
  if (state.hall) {
    $('waiting-list').replaceChildren(...waitingRows(state.hall, state.waiting, zone, msg));
  }
}

function renderClock() {
  const c = formatClock(new Date(), state.timeZone, msg);
  $('clock-time').textContent = c.time;
  $('clock-date').textContent = c.date;
}

/**
 * The hall's running text, from /hall and then live from the `hall` topic. The same text again (a
 * reconnect's snapshot) leaves the marquee where it is; a new one lets the old fade out mid-way
 * rather than jump, then runs in from the right edge.
 */
function renderTicker(text) {
  const next = text || '';
  if (next === state.runningText) {
    return;
  }
  const el = $('ticker-text');
  const showing = state.runningText;
  state.runningText = next;
  clearTimeout(renderTicker.timer);
  if (!showing) {
    startTicker(el, next);
    return;
  }
  el.classList.add('fading');
  renderTicker.timer = setTimeout(() => startTicker(el, next), TICKER_FADE_MS);
}

function startTicker(el, text) {
  el.classList.remove('running', 'fading');
  el.textContent = text;
  body.dataset.runningText = text;
  if (!text) {
    return;
  }
  void el.offsetWidth; // the animation starts over, from the right edge
  // constant speed whatever the length of the hall's text
  requestAnimationFrame(() => {
    const distance = el.scrollWidth + el.parentElement.clientWidth;
    el.style.setProperty('--ticker-duration', `${Math.max(10, distance / TICKER_PX_PER_S)}s`);
    el.classList.add('running');
  });
}

function renderStatic() {
  document.documentElement.lang = msg === messagesFor('en') ? 'en' : 'id';
  document.title = msg.pageTitle;
  $('zone').textContent = zone ? msg.zone(zone) : msg.zoneAll;
  $('hero-label').textContent = msg.nowCalling;
  $('hero-recall').textContent = msg.recall;
  $('recent-title').textContent = msg.recentCalls;
  $('counters-title').textContent = msg.counters;
  $('waiting-title').textContent = msg.waiting;
  $('offline-text').textContent = msg.offline;
  $('sound-text').textContent = msg.enableSound;
  $('sound-hint').textContent = msg.enableSoundHint;
  $('offline').hidden = false;
}

const HALL_REFRESH_MS = 60000;

function renderHall(hall) {
  state.hall = hall;
  state.timeZone = hall.timeZone || state.timeZone;
  $('hall-name').textContent = hall.name || '';
  $('hall-subtitle').textContent = hall.subtitle || '';
  for (const c of hall.counters) {
    if ((!zone || c.zone === zone) && !state.counters.has(c.id)) {
      state.counters.set(c.id, { ...c, current: null });
    }
  }
  renderClock();
  renderTicker(hall.runningText);
  renderCounters();
  renderWaiting();
  renderCalls(false);
}

// ------------------------------------------------------------------ start

async function loadHall() {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request('GET', '/hall', { timeoutMs: 0 });
    } catch (e) {
      // the server is not up yet (or not ready): the offline mark stays and we try again
    }
    await new Promise((res) => setTimeout(res, Math.min(10000, 500 * 2 ** attempt)));
  }
}

renderStatic();
renderClock();
setInterval(renderClock, 1000);
body.dataset.sound = audioMode === 'on' ? 'on' : 'simulated';

loadHall().then((hall) => {
  renderHall(hall);
  const feed = new Feed({
    url: wsUrl(),
    callsTopic,
    otherTopics: ['queues', 'counters', 'hall'],
    // everything up to the last snapshot's seq is on screen already; before any snapshot, the
    // last call announced (a reload then gets what it missed, as a replay)
    since: () => state.lastSeq ?? state.snapshotSeq ?? storedSeq(),
    onMessage,
    onStatus,
  });
  window.antreFeed = feed; // for a technician's console
  feed.start();
  // services open and close by the clock, not by an event: read which issue now every minute
  setInterval(async () => {
    try {
      const fresh = await request('GET', '/hall', { timeoutMs: 10000 });
      state.hall = { ...state.hall, agencies: fresh.agencies };
      renderWaiting();
    } catch (e) {
      // the offline mark tells; the next minute tries again
    }
  }, HALL_REFRESH_MS);
});
