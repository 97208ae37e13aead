// The live hall monitor: queues per service, counters, kiosk printers, recent print jobs and the
// displays' running text.
// State comes from /api/v1 once and then from the WebSocket (snapshots on every connect, events
// after); everything on screen is drawn from that state, so a reconnect simply redraws.

import { t, label, serverText, everyLanguage } from './messages.js';
import { api } from './api.js';
import { ApiError, NetworkError } from '/web/common/http.js';
import { Live } from '/web/common/live.js';
import { h } from '/web/common/dom.js';
import { RunningTextEditor } from './running-text.js';

const $ = (id) => document.getElementById(id);
const MAX_JOBS = 40;
const TICK_MS = 15000; // the oldest wait keeps growing between queue events
const PRINTERS_POLL_MS = 30000;
const HALL_POLL_MS = 60000;
const PRINTER_LEVEL = {
  ONLINE: 'ok', PAPER_NEAR_END: 'warn', PAPER_OUT: 'bad', COVER_OPEN: 'bad', OFFLINE: 'bad', AGENT_OFFLINE: 'bad',
};
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

  // ------------------------------------------------------------------ drawing

  render() {
    this.renderQueues();
    this.renderCounters();
    this.renderPrinters();
    this.renderJobs();
    this.runningText.render();
    this.preview.translate();
  }

  /** Services in view: every one for managers, the supervisor's agency's otherwise. */
  agencies() {
    const all = this.hall?.agencies ?? [];
    return this.scope ? all.filter((a) => a.code === this.scope) : all;
  }

  countersInView() {
    return [...this.counters.values()]
      .filter((c) => !this.scope || c.agency === this.scope)
      .sort((a, b) => (a.agency === b.agency ? naturalCompare(a.id, b.id) : naturalCompare(a.agency, b.agency)));
  }

  oldest(q) {
    if (!q || q.waiting === 0) {
      return 0;
    }
    return q.oldestWaitMinutes + Math.floor((Date.now() - q.at) / 60000);
  }

  renderQueues() {
    const rows = [];
    const counters = this.countersInView();
    let total = 0;
    let longest = 0;
    let late = false;
    for (const agency of this.agencies()) {
      if (!this.scope) {
        rows.push(h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: 4 }, agency.fullName || agency.name)));
      }
      for (const s of agency.services) {
        const q = this.queues.get(s.code) ?? { waiting: s.waiting ?? 0, oldestWaitMinutes: 0, at: Date.now() };
        const oldest = this.oldest(q);
        const over = q.waiting > 0 && s.targetWaitMinutes && oldest > s.targetWaitMinutes;
        const open = counters.filter((c) => c.state === 'OPEN' && (c.services || []).includes(s.code)).length;
        total += q.waiting;
        longest = Math.max(longest, oldest);
        late = late || over;
        rows.push(h('tr', {
          dataset: { service: s.code, waiting: q.waiting, over: over ? 'true' : 'false' },
          class: over ? 'over' : null,
        },
        h('th', { scope: 'row' }, h('span', { class: 'svc-name' }, s.name),
          s.openNow === false ? h('span', { class: 'tag muted' }, t('serviceClosed')) : null),
        h('td', { class: 'num big' }, q.waiting),
        h('td', { class: 'num' },
          q.waiting > 0 ? t('minutes', oldest) : t('none'),
          s.targetWaitMinutes ? h('small', { class: 'target' }, over ? t('overTarget', s.targetWaitMinutes)
            : t('targetIs', s.targetWaitMinutes)) : null),
        h('td', { class: open === 0 && q.waiting > 0 ? 'num warn-text' : 'num' }, open)));
      }
    }
    if (rows.length === 0) {
      rows.push(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, t('noServices'))));
    }
    $('queue-rows').replaceChildren(...rows);
    $('sum-waiting').textContent = total;
    $('sum-oldest').textContent = total > 0 ? t('minutes', longest) : t('none');
    $('tile-oldest').classList.toggle('alert', late);
    $('tile-oldest').dataset.over = String(late);
  }

  renderCounters() {
    const list = this.countersInView();
    const rows = [];
    let lastAgency = null;
    for (const c of list) {
      if (!this.scope && c.agency !== lastAgency) {
        lastAgency = c.agency;
        const agency = this.hall?.agencies.find((a) => a.code === c.agency);
        rows.push(h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: 4 }, agency?.name ?? c.agency)));
      }
      const state = c.state === 'PAUSED' && c.pauseReason
        ? t('pausedFor', label('pauseReason', c.pauseReason)) : label('state', c.state);
      const cur = c.current;
      rows.push(h('tr', { dataset: { counter: c.id, state: c.state }, class: `st-${(c.state || '').toLowerCase()}` },
        h('th', { scope: 'row' }, c.name || c.id),
        h('td', {}, h('span', { class: `pill ${(c.state || '').toLowerCase()}` }, state)),
        h('td', { class: 'officer' }, c.officer || t('none')),
        h('td', {}, cur ? [h('strong', { class: 'ticket-no' }, cur.number), ' ',
          h('small', {}, label('ticketStatus', cur.status))] : t('none'))));
    }
    if (rows.length === 0) {
      rows.push(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, t('noCounters'))));
    }
    $('counter-rows').replaceChildren(...rows);
    const open = list.filter((c) => c.state === 'OPEN').length;
    $('sum-counters').textContent = t('of', open, list.length);
  }

  renderPrinters() {
    const items = [...this.printers.values()].sort((a, b) => naturalCompare(a.kiosk, b.kiosk)).map((p) => {
      const level = PRINTER_LEVEL[p.status] ?? 'unknown';
      return h('li', { class: `printer ${level}`, dataset: { kiosk: p.kiosk, status: p.status ?? 'UNKNOWN' } },
        h('div', { class: 'printer-head' },
          h('strong', { class: 'kiosk' }, p.kiosk),
          h('span', { class: `state ${level}` }, label('printer', p.status ?? 'UNKNOWN'))),
        detailWorthShowing(p) ? h('div', { class: 'detail' }, serverText(p.detail)) : null,
        h('div', { class: 'meta' },
          p.updatedAt ? h('span', {}, t('lastReport', this.when(p.updatedAt))) : null,
          h('span', { class: 'counts' },
            h('span', { class: 'pending' }, t('pendingJobs', p.pendingJobs ?? 0)),
            h('span', { class: (p.failedJobs ?? 0) > 0 ? 'failed has' : 'failed' }, t('failedJobs', p.failedJobs ?? 0)))));
    });
    $('printers').replaceChildren(...(items.length ? items : [h('li', { class: 'empty' }, t('noPrinters'))]));
    const problems = [...this.printers.values()].filter((p) => PRINTER_LEVEL[p.status] && p.status !== 'ONLINE').length;
    $('sum-printers').textContent = problems;
    $('tile-printers').classList.toggle('alert', problems > 0);
  }

  renderJobs() {
    const list = $('jobs');
    if (!this.manager) {
      list.replaceChildren();
      return;
    }
    // keep the keyboard where it was when a row is redrawn under it
    const focused = document.activeElement?.closest?.('#jobs [data-action]');
    const keep = focused ? [focused.closest('[data-job]')?.dataset.job, focused.dataset.action] : null;
    const items = [...this.jobs.values()].reverse().map((j) => {
      const failed = j.status === 'FAILED';
      return h('li', { class: `job ${j.status.toLowerCase()}`, dataset: { job: j.job, status: j.status } },
        h('div', { class: 'job-line' },
          h('time', {}, this.clock(j.at)),
          h('span', { class: 'what' }, t('jobLine', j.number, j.kiosk)),
          h('span', { class: `badge ${j.status.toLowerCase()}` }, label('job', j.status))),
        (j.error || j.attempts > 0) && j.status !== 'PRINTED' ? h('div', { class: 'job-detail' },
          j.attempts > 0 ? t('attempt', j.attempts) : null,
          j.error ? [j.attempts > 0 ? ' · ' : '', h('span', { title: j.error }, reason(j.error))] : null) : null,
        failed ? h('div', { class: 'job-actions' },
          h('button', { type: 'button', class: 'small', dataset: { action: 'preview' },
            onclick: () => this.preview.open(j) }, t('preview')),
          h('button', { type: 'button', class: 'small danger', dataset: { action: 'cancel' }, disabled: j.busy,
            onclick: () => this.cancel(j.job) }, t('cancelJob'))) : null);
    });
    list.replaceChildren(...(items.length ? items : [h('li', { class: 'empty' }, t('noJobs'))]));
    const feedback = $('jobs-feedback');
    const said = this.feedback ? this.feedback.text() : '';
    if (feedback.textContent !== said) {
      feedback.textContent = said; // only a change is read out again
    }
    feedback.className = `feedback ${this.feedback?.ok ? 'ok' : 'bad'}`;
    if (keep) {
      const again = list.querySelector(`[data-job="${keep[0]}"] [data-action="${keep[1]}"]`);
      (again || $('jobs-title')).focus?.();
    }
  }

  // ------------------------------------------------------------------ time

  zone() {
    return this.hall?.timeZone || undefined;
  }

  /** HH.mm.ss of a moment in the hall's time zone. */
  clock(ms) {
    return new Intl.DateTimeFormat(t('locale'), {
      timeZone: this.zone(), hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).format(new Date(ms));
  }

  /** A report time: the time of day when it is today in the hall, with the date otherwise. */
  when(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) {
      return '';
    }
    const zone = this.zone();
    const day = (x) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(x);
    const time = new Intl.DateTimeFormat(t('locale'), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(d);
    if (day(d) === day(new Date())) {
      return time;
    }
    const date = new Intl.DateTimeFormat(t('locale'), { timeZone: zone, day: 'numeric', month: 'short' }).format(d);
    return `${date} ${time}`;
  }
}

/** The ticket preview dialog: the PNG comes with the bearer token, so it is fetched as a blob. */
class Preview {
  constructor() {
    this.dialog = $('dlg-preview');
    this.img = $('preview-img');
    this.url = null;
    this.job = null;
    this.paper = '80';
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => b.addEventListener('click', () => this.load(b.dataset.paper)));
    $('preview-close').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.release());
  }

  open(job) {
    this.job = job;
    this.translate();
    this.dialog.showModal();
    this.load(this.paper);
  }

  close() {
    if (this.dialog.open) {
      this.dialog.close();
    }
  }

  translate() {
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => {
      b.textContent = t('paper', b.dataset.paper);
    });
    $('preview-close').textContent = t('close');
    if (this.job) {
      $('preview-title').textContent = t('previewTitle', this.job.number);
      this.img.alt = t('previewAlt', this.job.number);
    }
  }

  async load(paper) {
    const job = this.job;
    this.paper = paper;
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.paper === paper)));
    const msg = $('preview-message');
    msg.textContent = t('previewLoading');
    msg.hidden = false;
    this.dialog.dataset.loaded = 'false';
    try {
      const blob = await api.preview(job.job, paper);
      if (this.job !== job || this.paper !== paper || !this.dialog.open) {
        return; // another preview was asked for meanwhile
      }
      this.release(false);
      this.url = URL.createObjectURL(blob);
      this.img.onload = () => {
        msg.hidden = true;
        this.dialog.dataset.loaded = 'true';
      };
      this.img.src = this.url;
      this.img.hidden = false;
    } catch (e) {
      this.img.hidden = true;
      msg.textContent = t('previewFailed');
    }
  }

  release(clear = true) {
    if (this.url) {
      URL.revokeObjectURL(this.url);
      this.url = null;
    }
    if (clear) {
      this.img.removeAttribute('src');
      this.img.hidden = true;
      this.dialog.dataset.loaded = 'false';
    }
  }
}

/** The agent's words about its printer, unless they only repeat the state shown next to them. */
function detailWorthShowing(p) {
  if (!p.detail || p.detail === 'agent connected' || p.detail === 'agent disconnected') {
    return false;
  }
  const said = serverText(p.detail).trim().toLowerCase();
  return ![...everyLanguage(`printer.${p.status}`), ...everyLanguage(`error.${p.status}`)]
    .some((words) => words.toLowerCase() === said);
}

/** "PAPER_OUT: no paper; load a new roll" -> the table's words for PAPER_OUT, or the text as it came. */
function reason(error) {
  const code = /^([A-Z_]+)(?::|$)/.exec(error || '')?.[1];
  return (code && t(`error.${code}`)) || error;
}

function say(text) {
  const el = $('announce');
  el.textContent = '';
  // a fresh text node is read out even when the same words come twice
  setTimeout(() => {
    el.textContent = text;
  }, 50);
}

function naturalCompare(a, b) {
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
