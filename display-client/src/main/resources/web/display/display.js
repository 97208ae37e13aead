// The wall display: /display?zone=lantai-1[&lang=en][&audio=off][&device=<display token>]
//
// The display token (from /admin/devices) is optional: the calls are public. Given once, it is
// kept and taken out of the address bar; with it the screen appears in the device list with when
// it was last seen and what it runs. A token the server does not know changes nothing on screen.
//
// The screen follows every call at once; the voice follows in order behind it. A reload never
// replays an old call: the seq of the last call announced is kept per zone in localStorage, and
// only calls after it (and, when they come from a replay, only fresh ones) are announced.
//
// This file holds the state, the live feed and start-up; the drawing (display-view.js), the
// running text (display-ticker.js) and the hand-off to the voice (display-voice.js) are mixed
// into the same class.
//
// Test hooks on <body>: data-connected, data-last-seq, data-announced (seqs whose announcement
// started, in order, since the page loaded), data-queued (seqs still waiting their turn),
// data-playing (the seq being announced), data-voice ("clips" or "speech:<missing clips>"),
// data-sound ("blocked" while the click-to-enable overlay is up), data-running-text (the text the
// ticker runs now, set once its fade-over is done). ?audio=off simulates playback
// (?audioMs= its length, 300 by default); ?audio=blocked also simulates a browser that blocks
// sound until a click.

import { messagesFor } from './messages.js';
import { Feed } from './feed.js';
import { request } from '/web/common/http.js';
import { wsUrl } from '/web/common/live.js';
import { identify } from '/web/common/client.js';
import { view } from './display-view.js';
import { ticker } from './display-ticker.js';
import { voice } from './display-voice.js';

identify('display');

const CALLS_KEPT = 60;
const DEVICE_KEY = 'antre.display.device';
const HALL_REFRESH_MS = 60000;

const $ = (id) => document.getElementById(id);

/** The display token: given once as ?device=, then kept on this PC and out of the address bar. */
function takeDeviceToken(params) {
  const given = params.get('device');
  if (!given) {
    return localStorage.getItem(DEVICE_KEY);
  }
  localStorage.setItem(DEVICE_KEY, given);
  params.delete('device');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? '?' + rest : ''));
  return given;
}

export class Display {
  constructor(search) {
    const params = new URLSearchParams(search);
    this.zone = (params.get('zone') || '').trim() || null;
    this.msg = messagesFor(params.get('lang'));
    this.audioMode = params.get('audio') || 'on';
    this.device = takeDeviceToken(params);
    this.storageKey = 'antre.display.lastAnnouncedSeq.' + (this.zone || '*');
    this.callsTopic = this.zone ? 'calls:zone:' + this.zone : 'calls';
    this.hall = null;
    this.timeZone = 'Asia/Jakarta';
    this.calls = new Map(); // seq -> call
    this.lastSeq = null; // newest call handled: the `since` of the next subscribe
    this.snapshotSeq = null; // the hall's newest seq when the last calls snapshot was taken
    this.heard = new Set(); // seqs that came as call messages (not only in a snapshot)
    this.counters = new Map(); // id -> counter, this zone's only
    this.waiting = new Map(); // service code -> waiting count
    this.heroSeq = null;
    this.runningText = null; // what the ticker runs; null until the hall is read
    this.setUpVoice(params);
  }

  // ------------------------------------------------------------------ start

  async start() {
    this.renderStatic();
    this.renderClock();
    setInterval(() => this.renderClock(), 1000);
    document.body.dataset.sound = this.audioMode === 'on' ? 'on' : 'simulated';

    this.renderHall(await this.loadHall());
    const feed = new Feed({
      url: wsUrl(),
      callsTopic: this.callsTopic,
      otherTopics: ['queues', 'counters', 'hall'],
      token: () => this.device,
      // everything up to the last snapshot's seq is on screen already; before any snapshot, the
      // last call announced (a reload then gets what it missed, as a replay)
      since: () => this.lastSeq ?? this.snapshotSeq ?? this.storedSeq(),
      onMessage: (m) => this.onMessage(m),
      onStatus: (connected) => this.onStatus(connected),
    });
    window.antreFeed = feed; // for a technician's console
    feed.start();
    // services open and close by the clock, not by an event: read which issue now every minute
    setInterval(async () => {
      try {
        const fresh = await request('GET', '/hall', { timeoutMs: 10000 });
        this.hall = { ...this.hall, agencies: fresh.agencies };
        this.renderWaiting();
      } catch (e) {
        // the offline mark tells; the next minute tries again
      }
    }, HALL_REFRESH_MS);
  }

  async loadHall() {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request('GET', '/hall', { timeoutMs: 0 });
      } catch (e) {
        // the server is not up yet (or not ready): the offline mark stays and we try again
      }
      await new Promise((res) => setTimeout(res, Math.min(10000, 500 * 2 ** attempt)));
    }
  }

  // ------------------------------------------------------------------ feed

  onMessage(m) {
    switch (m.type) {
      case 'snapshot':
        this.onSnapshot(m);
        break;
      case 'call':
        this.onCall(m);
        break;
      case 'queue':
        this.waiting.set(m.service, m.waiting);
        this.renderWaiting();
        break;
      case 'hall':
        this.renderTicker(m.runningText);
        break;
      case 'counter':
        if (m.counter && (!this.zone || m.counter.zone === this.zone)) {
          this.counters.set(m.counter.id, m.counter);
          this.renderCounters();
        }
        break;
      case 'error':
        console.warn('server:', m.code, m.detail);
        break;
      default:
        break;
    }
  }

  onSnapshot(m) {
    if (m.topic === this.callsTopic) {
      const stored = this.storedSeq();
      if (stored != null && typeof m.seq === 'number' && m.seq < stored) {
        // the event log is younger than our memory of it (a new database): start over from it
        this.storeSeq(m.seq);
      }
      if (typeof m.seq === 'number') {
        this.snapshotSeq = m.seq;
      }
      for (const call of m.calls || []) {
        this.addCall(call, false);
      }
      this.renderCalls(false);
    } else if (m.topic === 'queues') {
      this.waiting.clear();
      for (const q of m.queues || []) {
        this.waiting.set(q.service, q.waiting);
      }
      this.renderWaiting();
    } else if (m.topic === 'counters') {
      this.counters.clear();
      for (const c of m.counters || []) {
        if (!this.zone || c.zone === this.zone) {
          this.counters.set(c.id, c);
        }
      }
      this.renderCounters();
    } else if (m.topic === 'hall') {
      this.renderTicker(m.runningText);
    }
  }

  onCall(call) {
    if (typeof call.seq !== 'number' || this.heard.has(call.seq) || (this.zone && call.zone !== this.zone)) {
      return;
    }
    // a call the snapshot already showed may come again as a replay (since = the stored seq):
    // it is heard now, and may still be announced
    this.heard.add(call.seq);
    const announce = this.shouldAnnounce(call);
    this.calls.delete(call.seq);
    this.addCall(call, true);
    if (!call.replay) {
      // the counter's own event follows; show the number on its tile already
      const c = this.counters.get(call.counter);
      if (c) {
        c.current = { number: call.number, status: 'CALLED', service: call.service };
        c.state = 'OPEN';
      }
    }
    this.renderCalls(true);
    this.renderCounters();
    if (announce) {
      this.announcer.enqueue(call);
    }
  }

  addCall(call, live) {
    if (this.calls.has(call.seq)) {
      return;
    }
    this.calls.set(call.seq, { ...call, live });
    if (this.lastSeq == null || call.seq > this.lastSeq) {
      this.lastSeq = call.seq;
      document.body.dataset.lastSeq = String(call.seq);
    }
    if (this.calls.size > CALLS_KEPT) {
      const oldest = Math.min(...this.calls.keys());
      this.calls.delete(oldest);
    }
    if (this.heard.size > CALLS_KEPT * 4) {
      const keep = [...this.heard].sort((a, b) => b - a).slice(0, CALLS_KEPT * 2);
      this.heard = new Set(keep);
    }
  }

  onStatus(connected) {
    document.body.dataset.connected = String(connected);
    $('offline').hidden = connected;
  }
}

Object.assign(Display.prototype, view, ticker, voice);

new Display(location.search).start();
