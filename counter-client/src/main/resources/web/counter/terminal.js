// The officer's terminal for one counter: the current ticket, the actions with their keys,
// the counter's queues and held tickets, all kept live over the WebSocket. This file holds the
// state and its live updates; the actions (terminal-actions.js), the dialogs (terminal-dialogs.js)
// and the drawing (terminal-view.js) are mixed into the same class.

import { t } from './messages.js';
import * as api from './api.js';
import { ApiError, uuid } from '/web/common/http.js';
import { actions } from './terminal-actions.js';
import { dialogs } from './terminal-dialogs.js';
import { view } from './terminal-view.js';

const $ = (id) => document.getElementById(id);

const LIVE_STATUSES = ['CALLED', 'SERVING'];

/** A browser tab: presence tells other tabs on the same counter about this one. */
const TERMINAL = uuid();

export class Terminal {
  constructor({ hall, counterId, onConnected, onPresence, onTitle, onGone }) {
    this.hall = hall;
    this.id = counterId;
    this.onConnected = onConnected;
    this.onPresence = onPresence;
    this.onTitle = onTitle;
    this.onGone = onGone;
    this.counter = null;
    this.servedToday = 0;
    this.counterServedToday = 0;
    this.transferredToday = 0;
    this.queues = new Map();
    this.held = [];
    this.pending = null;
    this.others = new Map();
    /** Counts every change of the counter's state taken in, so that a slower re-read cannot undo a newer one. */
    this.changes = 0;
    this.wsUp = false;
    this.httpUp = true;
    this.skew = 0; // server clock minus ours, from heartbeats
    this.feedbackState = null;
    this.listeners = [];
  }

  // ------------------------------------------------------------------ life

  start() {
    this.listen(document, 'keydown', (e) => this.onKey(e), true);
    this.listen(document, 'keyup', (e) => {
      if (e.key === ' ' && !this.typing(e) && !document.querySelector('dialog[open]')) {
        e.preventDefault(); // Space is call-next here, not "click the focused button"
      }
    }, true);
    for (const b of document.querySelectorAll('#view-terminal [data-action]')) {
      this.listen(b, 'click', () => this.trigger(b.dataset.action));
    }
    this.listen(window, 'online', () => this.refresh());
    this.setupDialogs();
    api.onEvents({ reachable: (up) => this.setHttp(up) });
    this.tick = setInterval(() => this.renderTimers(), 500);
    this.live = api.live(
      () => ({
        type: 'subscribe', topics: [`counter:${this.id}`, 'queues', 'hall'], token: api.session()?.token, terminal: TERMINAL,
      }),
      (m) => this.onLive(m),
      (up) => this.onLiveConnection(up));
    this.stopped = false;
    this.render();
    this.refresh().then(() => $('ticket').focus({ preventScroll: true }));
    this.live.start();
  }

  stop() {
    this.stopped = true;
    this.live?.stop();
    clearInterval(this.tick);
    this.listeners.forEach(([target, type, fn, capture]) => target.removeEventListener(type, fn, capture));
    this.listeners = [];
    document.querySelectorAll('dialog[open]').forEach((d) => d.close());
    api.onEvents({ reachable: () => {} });
    for (const k of ['counterState', 'currentNumber', 'currentStatus', 'pending', 'servedToday', 'counterId']) {
      delete document.body.dataset[k];
    }
  }

  listen(target, type, fn, capture = false) {
    target.addEventListener(type, fn, capture);
    this.listeners.push([target, type, fn, capture]);
  }

  /** Re-reads the counter (with the officer's count), its held tickets and the queues. */
  async refresh() {
    const seen = this.changes;
    try {
      const [counter, queues] = await Promise.all([api.get(`/counters/${this.id}`), api.get('/queues')]);
      // a press's answer or a live event that arrived meanwhile is newer than this read: keep it
      if (this.changes === seen) {
        this.applyCounter(counter);
      }
      this.takeServed(counter);
      for (const q of queues.queues) {
        this.queues.set(q.service, q);
      }
      this.render();
      this.refreshHeld();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
        this.onGone();
        return;
      }
      this.render();
    }
  }

  /** Reads the hall again (names, outcomes, agencies' services) and then the counter as it now is. */
  async hallChanged() {
    try {
      this.hall = await api.get('/hall');
    } catch {
      // the counter is re-read below all the same; names follow at the next change or reload
    }
    await this.refresh();
  }

  async refreshHeld() {
    clearTimeout(this.heldTimer);
    this.heldTimer = setTimeout(async () => {
      try {
        this.held = (await api.get(`/counters/${this.id}/held`)).tickets;
        this.renderHeld();
      } catch {
        // shown as offline; the next (re)connect reads it again
      }
    }, 150);
  }

  setHttp(up) {
    this.httpUp = up;
    this.renderConnection();
  }

  onLiveConnection(up) {
    this.wsUp = up;
    if (!up) {
      this.others.clear();
      this.onPresence([]);
    } else {
      this.refresh();
    }
    this.renderConnection();
  }

  onLive(m) {
    switch (m.type) {
      case 'snapshot':
        if (m.topic === 'queues') {
          m.queues.forEach((q) => this.queues.set(q.service, q));
          this.renderQueues();
        } else if (m.topic === `counter:${this.id}`) {
          this.applyCounter(m);
          this.takeServed(m);
          this.render();
        }
        break;
      case 'counter':
        if (m.counter?.id === this.id) {
          const before = this.counter?.current?.id;
          this.applyCounter(m.counter);
          this.render();
          if (before !== this.counter?.current?.id) {
            this.refreshHeld();
          }
        }
        break;
      case 'hall':
        // an administrator changed the configuration: services, outcomes, this counter's services
        if (m.version) {
          this.hallChanged();
        }
        break;
      case 'queue': {
        const q = this.queues.get(m.service) || { service: m.service };
        this.queues.set(m.service, { ...q, waiting: m.waiting, oldestWaitMinutes: m.oldestWaitMinutes });
        this.renderQueues();
        if (this.counter?.services?.includes(m.service)) {
          this.refreshHeld();
        }
        break;
      }
      case 'presence':
        if (m.terminal === TERMINAL) {
          break;
        }
        if (m.action === 'leave') {
          this.others.delete(m.terminal);
        } else {
          this.others.set(m.terminal, m.user);
          if (m.action === 'join') {
            this.live.send({ type: 'here' });
          }
        }
        this.onPresence([...this.others].map(([terminal, user]) => ({ terminal, user })));
        break;
      case 'heartbeat':
        if (typeof m.at === 'number') {
          this.skew = m.at - Date.now();
        }
        break;
      case 'error':
        if (m.code === 'UNAUTHENTICATED' || m.code === 'TOKEN_EXPIRED') {
          window.dispatchEvent(new CustomEvent('antre:signout', { detail: t('sessionEnded') }));
        } else if (m.code === 'FORBIDDEN') {
          this.onGone();
        }
        break;
      default:
    }
  }

  /** "Dilayani hari ini": at this counter, by this officer, and the officer's transfers apart. */
  takeServed(c) {
    if (c.officerServedToday !== undefined) {
      this.servedToday = c.officerServedToday;
      this.counterServedToday = c.counterServedToday ?? 0;
      this.transferredToday = c.officerTransferredToday ?? 0;
    }
  }

  applyCounter(c) {
    this.changes += 1;
    const { type, topic, officerServedToday, counterServedToday, officerTransferredToday, ...counter } = c;
    this.counter = { ...(this.counter || {}), ...counter };
  }

  /**
   * The result of an action on the current ticket: keep it if it is still at the counter. The
   * answer carries what the counter allows now.
   */
  applyTicket(answer) {
    this.changes += 1;
    if (!this.counter) {
      return;
    }
    const { allowedActions, ...ticket } = answer || {};
    this.counter = {
      ...this.counter,
      current: answer && LIVE_STATUSES.includes(ticket.status) ? ticket : null,
      allowedActions: allowedActions || this.counter.allowedActions,
    };
  }
}

Object.assign(Terminal.prototype, actions, dialogs, view);
