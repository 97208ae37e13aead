// The live hall monitor: queues per service, counters, kiosk printers, recent print jobs and the
// displays' running text. This file holds the state, its loading and live updates; the drawing is
// in monitor-view.js (mixed into the class) and the ticket preview in monitor-preview.js.
// State comes from /api/v1 once and then from the WebSocket (snapshots on every connect, events
// after); everything on screen is drawn from that state, so a reconnect simply redraws.

import { t, label, serverText } from './messages.js';
import { api } from './api.js';
import { ApiError, NetworkError } from '/web/common/http.js';
import { Live } from '/web/common/live.js';
import { RunningTextEditor } from './running-text.js';
import { PRINTER_LEVEL, view } from './monitor-view.js';
import { Preview } from './monitor-preview.js';

const $ = (id) => document.getElementById(id);
const MAX_JOBS = 40;
const TICK_MS = 15000; // the oldest wait keeps growing between queue events
const PRINTERS_POLL_MS = 30000;
const HALL_POLL_MS = 60000;
const AUTH_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED']);

export class Monitor {
  /**
   * @param session {token, user}
   * @param hooks {connected(bool), unauthorized(), hall(hall)}
   */
  constructor(session, hooks) {
    this.token = session.token;
    this.user = session.user;
    this.hooks = hooks;
    this.manager = ['manager', 'admin'].includes(this.user.role);
    // supervisors see their own agency; managers the whole hall
    this.scope = this.manager ? null : this.user.agency;
    this.hall = null;
    this.queues = new Map(); // service -> {waiting, oldestWaitMinutes, at}
    this.counters = new Map(); // id -> counter
    this.printers = new Map(); // kiosk -> {kiosk, status, detail, updatedAt, pendingJobs, failedJobs}
    this.jobs = new Map(); // job id -> {job, number, kiosk, status, attempts, error, at, busy}
    this.followed = new Set(); // printer topics subscribed on the current socket
    this.timers = [];
    this.pending = {};
    this.feedback = null; // the last cancel's outcome: {ok, text()}
    this.preview = new Preview();
    this.runningText = new RunningTextEditor(this.manager);
    this.live = new Live(
      () => ({ type: 'subscribe', topics: ['queues', 'counters', 'hall'], token: this.token }),
      (msg) => this.onMessage(msg),
      (up) => this.onConnection(up));
  }

  async start() {
    document.body.dataset.role = this.user.role;
    $('jobs-hint').dataset.i18n = this.manager ? 'jobsHint' : 'jobsManagersOnly';
    $('jobs-hint').textContent = t($('jobs-hint').dataset.i18n);
    await Promise.all([this.loadHall(), this.loadCounters(), this.loadPrinters(), this.loadQueues()]);
    this.render();
    this.live.start();
    this.timers.push(setInterval(() => this.renderQueues(), TICK_MS));
    this.timers.push(setInterval(() => this.loadPrinters(), PRINTERS_POLL_MS));
    // opening hours change what is open, and a quiet service's oldest wait is best re-read now and then
    this.timers.push(setInterval(() => this.loadHall().then(() => this.loadQueues()), HALL_POLL_MS));
  }

  stop() {
    this.live.stop();
    this.timers.forEach(clearInterval);
    Object.values(this.pending).forEach(clearTimeout);
    this.preview.close();
    this.runningText.stop();
    this.timers = [];
  }

  // ------------------------------------------------------------------ loading

  /** A failed read leaves the last known state on screen; the next event or poll fixes it. */
  async quietly(f) {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof NetworkError) && !(e instanceof ApiError)) {
        throw e;
      }
      return null;
    }
  }

  async loadHall() {
    const hall = await this.quietly(() => api.hall());
    if (hall) {
      this.hall = hall;
      this.hooks.hall(hall);
      this.runningText.set(hall.runningText);
    }
  }

  async loadQueues() {
    const q = await this.quietly(() => api.queues());
    if (q) {
      this.setQueues(q.queues);
    }
  }

  async loadCounters() {
    const c = await this.quietly(() => api.counters());
    if (c) {
      c.counters.forEach((x) => this.mergeCounter(x));
      this.renderCounters();
      this.renderQueues();
    }
  }

  async loadPrinters() {
    const p = await this.quietly(() => api.printers());
    if (!p) {
      return;
    }
    for (const row of p.printers) {
      this.printers.set(row.kiosk, { ...this.printers.get(row.kiosk), ...row });
    }
    this.followPrinters();
    this.renderPrinters();
  }

  /** Runs f once after a short quiet time, however often it is asked for meanwhile. */
  soon(key, f, ms = 700) {
    clearTimeout(this.pending[key]);
    this.pending[key] = setTimeout(f, ms);
  }

  // ------------------------------------------------------------------ live

  onConnection(up) {
    this.hooks.connected(up);
    this.followed.clear();
    if (up) {
      // officer names are not in the public counters snapshot: read them with the token
      this.loadCounters();
      this.followPrinters();
    }
  }

  /** Managers follow every known kiosk printer: its state and its print jobs. */
  followPrinters() {
    if (!this.manager || !this.live.ws || this.live.ws.readyState !== WebSocket.OPEN) {
      return;
    }
    const topics = [...this.printers.keys()].map((k) => `printer:${k}`).filter((tp) => !this.followed.has(tp));
    for (let i = 0; i < topics.length; i += 16) {
      const chunk = topics.slice(i, i + 16);
      this.live.send({ type: 'subscribe', topics: chunk, token: this.token });
      chunk.forEach((tp) => this.followed.add(tp));
    }
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'snapshot':
        if (msg.topic === 'queues') {
          this.setQueues(msg.queues);
        } else if (msg.topic === 'counters') {
          msg.counters.forEach((c) => this.mergeCounter(c));
          this.renderCounters();
          this.renderQueues();
        } else if (msg.topic?.startsWith('printer:') && msg.printer) {
          const { status, detail, updatedAt } = msg.printer;
          this.updatePrinter(msg.kiosk, { status, detail, ...(updatedAt ? { updatedAt } : {}) });
        } else if (msg.topic === 'hall') {
          this.runningText.set(msg.runningText);
        }
        break;
      case 'hall':
        this.runningText.set(msg.runningText);
        break;
      case 'queue':
        this.queues.set(msg.service, { waiting: msg.waiting, oldestWaitMinutes: msg.oldestWaitMinutes, at: Date.now() });
        this.renderQueues();
        // a ticket issued at a kiosk may have added a print job there
        this.soon('printers', () => this.loadPrinters());
        break;
      case 'counter':
        this.mergeCounter(msg.counter);
        this.renderCounters();
        this.renderQueues();
        break;
      case 'printer':
        this.updatePrinter(msg.kiosk, { status: msg.status, detail: msg.detail, updatedAt: msg.at }, true);
        break;
      case 'print-job':
        this.onJob(msg);
        break;
      case 'error':
        if (AUTH_CODES.has(msg.code)) {
          this.hooks.unauthorized();
        }
        break;
      default:
        break;
    }
  }

  setQueues(list) {
    const now = Date.now();
    for (const q of list) {
      this.queues.set(q.service, { waiting: q.waiting, oldestWaitMinutes: q.oldestWaitMinutes, at: now });
    }
    this.renderQueues();
  }

  mergeCounter(c) {
    const prev = this.counters.get(c.id) || {};
    const next = { ...prev, ...c };
    if (!('officer' in c)) {
      next.officer = prev.officer ?? null; // the public view leaves names out: keep what the token read
    }
    if (c.state !== 'OPEN' && c.state !== 'PAUSED') {
      next.officer = c.officer ?? null;
    }
    this.counters.set(c.id, next);
  }

  updatePrinter(kiosk, change, announce = false) {
    const prev = this.printers.get(kiosk) || { kiosk, pendingJobs: 0, failedJobs: 0 };
    if (announce && prev.status !== change.status && PRINTER_LEVEL[change.status] !== 'ok') {
      say(t('sayPrinter', kiosk, label('printer', change.status)));
    }
    this.printers.set(kiosk, { ...prev, ...change });
    this.renderPrinters();
  }

  onJob(msg) {
    const prev = this.jobs.get(msg.job);
    if (msg.status === 'FAILED' && prev?.status !== 'FAILED') {
      say(t('sayJobFailed', msg.number));
    }
    this.jobs.delete(msg.job); // re-inserted so the latest change is on top
    this.jobs.set(msg.job, {
      job: msg.job, number: msg.number, kiosk: msg.kiosk, status: msg.status, attempts: msg.attempts,
      error: msg.error ?? prev?.error ?? null, at: Date.now(), busy: false,
    });
    while (this.jobs.size > MAX_JOBS) {
      this.jobs.delete(this.jobs.keys().next().value);
    }
    this.renderJobs();
    this.soon('printers', () => this.loadPrinters());
  }

  async cancel(job) {
    const j = this.jobs.get(job);
    if (!j || j.busy) {
      return;
    }
    j.busy = true;
    this.renderJobs();
    try {
      await api.cancelJob(job);
      j.status = 'CANCELLED';
      this.feedback = { ok: true, text: () => t('cancelled', j.number) };
      this.soon('printers', () => this.loadPrinters(), 100);
    } catch (e) {
      this.feedback = { ok: false, text: () => t('cancelFailed', e instanceof ApiError
        ? (t(`errorCode.${e.code}`) || serverText(e.detail)) : t('networkError')) };
    } finally {
      j.busy = false;
      this.renderJobs();
    }
  }
}

Object.assign(Monitor.prototype, view);

function say(text) {
  const el = $('announce');
  el.textContent = '';
  // a fresh text node is read out even when the same words come twice
  setTimeout(() => {
    el.textContent = text;
  }, 50);
}
