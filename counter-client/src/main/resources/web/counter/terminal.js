// The officer's terminal for one counter: the current ticket, the actions with their keys,
// the counter's queues and held tickets, all kept live over the WebSocket.

import { t, translate, label } from './messages.js';
import * as api from './api.js';
import { ApiError, uuid } from '/web/common/http.js';
import { el } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);

const KEYS = { F1: 'callNext', F2: 'recall', F3: 'start', F4: 'finish', F6: 'noShow', F7: 'transfer', F8: 'hold' };
const LIVE_STATUSES = ['CALLED', 'SERVING'];

/** A browser tab: presence tells other tabs on the same counter about this one. */
const TERMINAL = uuid();

const mmss = (ms) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

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
    this.queues = new Map();
    this.held = [];
    this.pending = null;
    this.others = new Map();
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
      () => ({ type: 'subscribe', topics: [`counter:${this.id}`, 'queues'], token: api.session()?.token, terminal: TERMINAL }),
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
    try {
      const [counter, queues] = await Promise.all([api.get(`/counters/${this.id}`), api.get('/queues')]);
      this.applyCounter(counter);
      if (counter.officerServedToday !== undefined) {
        this.servedToday = counter.officerServedToday;
      }
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
          if (m.officerServedToday !== undefined) {
            this.servedToday = m.officerServedToday;
          }
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

  applyCounter(c) {
    const { type, topic, officerServedToday, ...counter } = c;
    this.counter = { ...(this.counter || {}), ...counter };
  }

  /** The result of an action on the current ticket: keep it if it is still at the counter. */
  applyTicket(ticket) {
    if (!this.counter) {
      return;
    }
    this.counter = { ...this.counter, current: ticket && LIVE_STATUSES.includes(ticket.status) ? ticket : null };
  }

  // ------------------------------------------------------------------ actions

  allowed(action) {
    const c = this.counter;
    if (!c) {
      return false;
    }
    const status = c.current?.status;
    switch (action) {
      case 'callNext':
      case 'callSpecific':
        return c.state === 'OPEN' && !c.current;
      case 'recall':
      case 'start':
      case 'noShow':
        return status === 'CALLED';
      case 'finish':
      case 'transfer':
        return status === 'SERVING';
      case 'hold':
        return status === 'CALLED' || status === 'SERVING';
      case 'open':
        return c.state !== 'OPEN';
      case 'pause':
        return c.state === 'OPEN' && !c.current;
      case 'close':
        return c.state !== 'CLOSED' && !c.current;
      default:
        return false;
    }
  }

  /** Why an action cannot run now, in the officer's words. */
  whyNot(action) {
    const c = this.counter;
    if (!c) {
      return t('pending');
    }
    if (['callNext', 'callSpecific'].includes(action)) {
      return c.state !== 'OPEN' ? t('error.COUNTER_NOT_OPEN') : t('error.COUNTER_BUSY');
    }
    if (['pause', 'close'].includes(action) && c.current) {
      return t('error.COUNTER_BUSY');
    }
    return c.current ? t('error.INVALID_TRANSITION') : t('error.NO_CURRENT_TICKET');
  }

  typing(e) {
    return !!e.target?.closest?.('input, textarea, select, [contenteditable="true"]');
  }

  onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey) {
      return;
    }
    if (document.querySelector('dialog[open]')) {
      if (/^F\d+$/.test(e.key)) {
        e.preventDefault(); // no browser help/search over a dialog
      }
      return;
    }
    let action = KEYS[e.key];
    if (!action && e.key === ' ' && !this.typing(e)) {
      action = 'callNext';
    }
    if (!action) {
      return;
    }
    e.preventDefault();
    if (!e.repeat) {
      this.trigger(action);
    }
  }

  trigger(action) {
    if (this.pending) {
      return; // one press at a time: a second press while the first is on its way does nothing
    }
    if (!this.allowed(action)) {
      this.feedback('error', this.whyNot(action));
      return;
    }
    const base = `/counters/${this.id}`;
    const number = this.counter.current?.number;
    switch (action) {
      case 'callNext':
        this.run(action, async (retry) => {
          const ticket = await api.press(`${base}/call-next`, {}, retry);
          if (!ticket) {
            this.feedback('info', t('nobodyWaiting'));
            return;
          }
          this.applyTicket(ticket);
          this.feedback('ok', t('didCall', ticket.number));
        });
        break;
      case 'recall':
        this.run(action, async (retry) => {
          const ticket = await api.press(`${base}/recall`, {}, retry);
          this.applyTicket(ticket);
          this.feedback(ticket.status === 'NO_SHOW' ? 'info' : 'ok',
            ticket.status === 'NO_SHOW' ? t('becameNoShow', ticket.number) : t('didRecall', ticket.number));
        });
        break;
      case 'start':
        this.run(action, async (retry) => {
          const ticket = await api.press(`${base}/start`, {}, retry);
          this.applyTicket(ticket);
          this.feedback('ok', t('didStart', ticket.number));
        });
        break;
      case 'noShow':
        this.run(action, async (retry) => {
          const ticket = await api.press(`${base}/no-show`, {}, retry);
          this.applyTicket(null);
          this.feedback('ok', t('didNoShow', ticket.number));
        });
        break;
      case 'finish':
        this.openFinish(number);
        break;
      case 'transfer':
        this.openTransfer();
        break;
      case 'hold':
        this.openDialog('dlg-hold', 'hold-note', () => { $('hold-note').value = ''; });
        break;
      case 'callSpecific':
        this.openSpecific();
        break;
      case 'open':
        this.run(action, async (retry) => {
          this.applyCounter(await api.press(`${base}/open`, {}, retry));
          this.feedback('ok', t('didOpen'));
        });
        break;
      case 'pause':
        this.openDialog('dlg-pause', null, () => {});
        break;
      case 'close':
        this.run(action, async (retry) => {
          this.applyCounter(await api.press(`${base}/close`, {}, retry));
          this.feedback('ok', t('didClose'));
        });
        break;
      default:
    }
  }

  /** Runs one press: disabled while it is on its way, errors in plain words, state re-read after. */
  async run(action, fn) {
    if (this.pending) {
      return;
    }
    this.pending = action;
    this.feedback('pending', t('pending'));
    this.render();
    let failed = false;
    try {
      await fn(() => this.feedback('pending', t('retrying')));
    } catch (err) {
      failed = true;
      this.showError(err);
    } finally {
      this.pending = null;
      this.render();
      const focused = document.activeElement;
      if (!focused || focused === document.body || focused.disabled) {
        $('ticket').focus({ preventScroll: true });
      }
    }
    if (failed || ['finish', 'noShow', 'hold', 'transfer', 'resume'].includes(action)) {
      this.refresh();
    }
  }

  showError(err) {
    if (err instanceof ApiError) {
      this.feedback('error', err.detail || t(`error.${err.code}`) || err.title);
    } else {
      this.feedback('error', t('networkError'));
    }
  }

  feedback(kind, text) {
    this.feedbackState = { kind, text };
    const f = $('feedback');
    f.className = `feedback ${kind}`;
    f.textContent = text;
  }

  // ------------------------------------------------------------------ dialogs

  setupDialogs() {
    for (const d of document.querySelectorAll('dialog')) {
      d.querySelectorAll('button.cancel').forEach((b) => this.listen(b, 'click', () => d.close()));
    }
    this.listen($('pause-reasons'), 'click', (e) => {
      const reason = e.target.closest('button')?.value;
      if (!reason) {
        return;
      }
      $('dlg-pause').close();
      this.run('pause', async (retry) => {
        this.applyCounter(await api.press(`/counters/${this.id}/pause`, { reason }, retry));
        this.feedback('ok', t('didPause', label('pauseReason', reason)));
      });
    });

    this.listen($('finish-form'), 'submit', (e) => {
      e.preventDefault();
      const outcome = $('finish-form').querySelector('input[name=outcome]:checked')?.value || this.hall.outcomes[0];
      $('dlg-finish').close();
      this.run('finish', async (retry) => {
        const ticket = await api.press(`/counters/${this.id}/finish`, { outcome }, retry);
        this.applyTicket(null);
        this.feedback('ok', t('didFinish', ticket.number, label('outcome', outcome)));
      });
    });
    this.listen($('dlg-finish'), 'keydown', (e) => {
      const radios = [...$('outcome-list').querySelectorAll('input')];
      const n = Number(e.key);
      if (n >= 1 && n <= radios.length) {
        radios[n - 1].checked = true;
        radios[n - 1].focus();
        e.preventDefault();
      } else if (e.key === 'Enter' && e.target.tagName !== 'BUTTON') {
        e.preventDefault();
        $('finish-form').requestSubmit();
      }
    });

    this.listen($('transfer-search'), 'input', () => this.filterTransfer());
    this.listen($('transfer-search'), 'keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        ($('transfer-list').querySelector('label:not([hidden]) input:checked')
          || $('transfer-list').querySelector('label:not([hidden]) input'))?.focus();
      }
    });
    this.listen($('dlg-transfer'), 'keydown', (e) => {
      if (e.key === 'Enter' && e.target.type === 'radio') {
        e.preventDefault();
        $('transfer-form').requestSubmit();
      }
    });
    this.listen($('transfer-form'), 'submit', (e) => {
      e.preventDefault();
      const service = $('transfer-list').querySelector('label:not([hidden]) input:checked')?.value;
      if (!service) {
        this.dialogMessage('transfer-message', t('transferPick'));
        return;
      }
      const note = $('transfer-note').value.trim();
      $('dlg-transfer').close();
      this.run('transfer', async (retry) => {
        const ticket = await api.press(`/counters/${this.id}/transfer`, note ? { service, note } : { service }, retry);
        this.applyTicket(null);
        this.feedback('ok', t('didTransfer', ticket.number, this.serviceName(service)));
      });
    });

    this.listen($('hold-form'), 'submit', (e) => {
      e.preventDefault();
      const note = $('hold-note').value.trim();
      $('dlg-hold').close();
      this.run('hold', async (retry) => {
        const ticket = await api.press(`/counters/${this.id}/hold`, note ? { note } : {}, retry);
        this.applyTicket(null);
        this.feedback('ok', t('didHold', ticket.number));
      });
    });

    this.listen($('dlg-specific'), 'keydown', (e) => {
      if (e.key === 'Enter' && e.target.type === 'radio') {
        e.preventDefault();
        $('specific-reason').focus();
      }
    });
    this.listen($('specific-form'), 'submit', (e) => {
      e.preventDefault();
      const ticket = $('specific-list').querySelector('input:checked')?.value;
      const reason = $('specific-reason').value.trim();
      if (!ticket) {
        this.dialogMessage('specific-message', t('pickTicket'));
        return;
      }
      if (!reason) {
        this.dialogMessage('specific-message', t('reasonRequired'));
        $('specific-reason').focus();
        return;
      }
      $('dlg-specific').close();
      this.run('callSpecific', async (retry) => {
        const called = await api.press(`/counters/${this.id}/call`, { ticket: Number(ticket), reason }, retry);
        this.applyTicket(called);
        this.feedback('ok', t('didCall', called.number));
      });
    });
  }

  dialogMessage(id, text) {
    const m = $(id);
    m.hidden = !text;
    m.textContent = text || '';
  }

  openDialog(id, focusId, prepare) {
    const d = $(id);
    prepare();
    translate(d);
    d.showModal();
    if (focusId) {
      $(focusId).focus();
    }
  }

  radio(name, value, text, checked) {
    const l = el('label', 'radio');
    const i = document.createElement('input');
    i.type = 'radio';
    i.name = name;
    i.value = value;
    i.checked = checked;
    l.append(i, el('span', null, text));
    return l;
  }

  openFinish(number) {
    this.openDialog('dlg-finish', null, () => {
      const list = $('outcome-list');
      list.replaceChildren(el('legend', 'sr-only', number || ''));
      this.hall.outcomes.forEach((o, i) => {
        const r = this.radio('outcome', o, `${i + 1}. ${label('outcome', o)}`, i === 0);
        list.append(r);
      });
    });
    $('outcome-list').querySelector('input:checked')?.focus();
  }

  serviceName(code) {
    for (const a of this.hall.agencies) {
      const s = a.services.find((x) => x.code === code);
      if (s) {
        return s.name;
      }
    }
    return code;
  }

  openTransfer() {
    const from = this.counter.current?.service;
    const own = this.counter.agency;
    this.openDialog('dlg-transfer', 'transfer-search', () => {
      $('transfer-search').value = '';
      $('transfer-note').value = '';
      this.dialogMessage('transfer-message', '');
      const list = $('transfer-list');
      list.replaceChildren(el('legend', 'sr-only', t('transferTitle')));
      const agencies = [...this.hall.agencies].sort((a, b) => (a.code === own ? -1 : b.code === own ? 1 : 0));
      for (const a of agencies) {
        for (const s of a.services) {
          if (s.code === from) {
            continue;
          }
          const r = this.radio('target', s.code, `${s.name} (${s.code}) · ${a.name}`, false);
          r.dataset.search = `${s.name} ${s.code} ${a.name} ${a.fullName || ''}`.toLowerCase();
          list.append(r);
        }
      }
      this.filterTransfer();
    });
  }

  filterTransfer() {
    const q = $('transfer-search').value.trim().toLowerCase();
    const labels = [...$('transfer-list').querySelectorAll('label')];
    let visible = 0;
    for (const l of labels) {
      l.hidden = !!q && !q.split(/\s+/).every((w) => l.dataset.search.includes(w));
      visible += l.hidden ? 0 : 1;
    }
    const checked = labels.find((l) => !l.hidden && l.querySelector('input').checked);
    if (!checked) {
      const first = labels.find((l) => !l.hidden);
      if (first) {
        first.querySelector('input').checked = true;
      }
    }
    this.dialogMessage('transfer-message', visible ? '' : t('noMatch'));
  }

  async openSpecific() {
    let tickets;
    try {
      tickets = (await api.get(`/counters/${this.id}/waiting`)).tickets;
    } catch (err) {
      this.showError(err);
      return;
    }
    this.openDialog('dlg-specific', null, () => {
      $('specific-reason').value = '';
      this.dialogMessage('specific-message', tickets.length ? '' : t('nobodyWaitingList'));
      const list = $('specific-list');
      list.replaceChildren(el('legend', 'sr-only', t('callSpecificTitle')));
      const now = Date.now() + this.skew;
      tickets.forEach((tk, i) => {
        const waited = Math.max(0, Math.floor((now - Date.parse(tk.issuedAt)) / 60000));
        const pr = tk.priority ? ` · ${label('priority', tk.priority)}` : '';
        list.append(this.radio('ticket', String(tk.id),
          `${tk.number} · ${tk.serviceName || tk.service}${pr} · ${t('waitedMinutes', waited)}`, i === 0));
      });
    });
    ($('specific-list').querySelector('input:checked') || $('specific-reason')).focus();
  }

  // ------------------------------------------------------------------ rendering

  render() {
    if (this.stopped) {
      return;
    }
    if (!this.counter) {
      document.body.dataset.counterId = this.id;
      this.renderButtons();
      return;
    }
    const c = this.counter;
    const body = document.body.dataset;
    body.counterId = this.id;
    body.counterState = c.state || '';
    body.currentNumber = c.current?.number || '';
    body.currentStatus = c.current?.status || '';
    body.pending = this.pending || '';
    body.servedToday = String(this.servedToday);
    this.onTitle(c.name || `Loket ${this.id}`);

    const state = $('counter-state');
    state.textContent = c.state === 'PAUSED' && c.pauseReason
      ? `${label('state', c.state)} · ${label('pauseReason', c.pauseReason)}` : label('state', c.state);
    state.className = `state state-${(c.state || '').toLowerCase()}`;
    $('served-today').textContent = String(this.servedToday);

    const tk = c.current;
    const ticket = $('ticket');
    ticket.classList.toggle('empty', !tk);
    ticket.classList.toggle('serving', tk?.status === 'SERVING');
    $('ticket-number').textContent = tk ? tk.number : '—';
    $('ticket-status').textContent = tk ? label('status', tk.status) : t('nobody');
    $('ticket-status').className = `status ${tk ? `status-${tk.status.toLowerCase()}` : ''}`;
    $('ticket-service').textContent = tk ? (tk.serviceName || this.serviceName(tk.service)) : '';
    const prio = $('ticket-priority');
    prio.hidden = !tk?.priority;
    prio.textContent = tk?.priority ? `${t('priorityBadge')}: ${label('priority', tk.priority)}` : '';
    const recalls = $('ticket-recalls');
    recalls.hidden = !tk?.recallCount;
    recalls.textContent = tk?.recallCount ? t('recalls', tk.recallCount) : '';
    const note = $('ticket-note');
    note.hidden = !tk?.note;
    note.textContent = tk?.note ? `${t('note')}: ${tk.note}` : '';
    let hint = '';
    if (!tk) {
      hint = c.state === 'CLOSED' ? t('closedHint')
        : c.state === 'PAUSED' ? t('pausedHint', label('pauseReason', c.pauseReason || 'istirahat')) : t('nobodyHint');
    }
    $('ticket-empty-hint').textContent = hint;
    this.renderTimers();
    this.renderButtons();
    this.renderQueues();
    this.renderHeld();
    this.renderConnection();
    if (this.feedbackState) {
      // texts of the language now chosen appear with the next feedback; keep the last one shown
      $('feedback').textContent = this.feedbackState.text;
    }
  }

  renderButtons() {
    for (const b of document.querySelectorAll('#view-terminal [data-action]')) {
      const a = b.dataset.action;
      b.disabled = !!this.pending || !this.allowed(a);
      b.classList.toggle('is-pending', this.pending === a);
      b.setAttribute('aria-busy', String(this.pending === a));
    }
  }

  renderTimers() {
    const tk = this.counter?.current;
    const now = Date.now() + this.skew;
    $('timer-called').textContent = tk?.calledAt ? mmss(now - Date.parse(tk.calledAt)) : '--:--';
    $('timer-started').textContent = tk?.startedAt ? mmss(now - Date.parse(tk.startedAt)) : '--:--';
  }

  renderConnection() {
    this.onConnected(this.wsUp && this.httpUp);
  }

  renderQueues() {
    const list = $('queue-list');
    const services = this.counter?.services || [];
    list.replaceChildren(...services.map((code) => {
      const q = this.queues.get(code) || { waiting: 0, oldestWaitMinutes: 0 };
      const li = el('li', q.waiting > 0 ? 'has-waiting' : '');
      li.dataset.service = code;
      li.append(el('span', 'q-name', this.serviceName(code)), el('strong', 'q-count', t('waitingCount', q.waiting ?? 0)),
        el('span', 'q-oldest', q.waiting ? t('oldestWait', q.oldestWaitMinutes ?? 0) : ''));
      return li;
    }));
    const total = services.reduce((n, code) => n + (this.queues.get(code)?.waiting || 0), 0);
    document.body.dataset.waiting = String(total);
  }

  renderHeld() {
    const list = $('held-list');
    if (!this.held.length) {
      list.replaceChildren(el('li', 'empty', t('noHeld')));
      return;
    }
    list.replaceChildren(...this.held.map((tk) => {
      const li = el('li');
      li.dataset.ticket = tk.number;
      const text = el('span', 'held-text');
      text.append(el('strong', null, tk.number), ` ${tk.serviceName || tk.service}`);
      if (tk.note) {
        text.append(el('small', null, tk.note));
      }
      const b = el('button', 'small', t('resume'));
      b.type = 'button';
      b.disabled = !!this.pending;
      b.addEventListener('click', () => {
        this.run('resume', async (retry) => {
          await api.press(`/counters/${this.id}/resume`, { ticket: tk.id }, retry);
          this.feedback('ok', t('didResume', tk.number));
        });
      });
      li.append(text, b);
      return li;
    }));
  }
}
