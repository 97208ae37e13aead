// Drawing the monitor: queues against their targets, counters, printers and recent print jobs,
// with times in the hall's time zone. Mixed into Monitor (monitor.js).

import { t, label, serverText, everyLanguage } from './messages.js';
import { h } from '/web/common/dom.js';
import { hallFields, hallTime, hhmmss } from '/web/common/time.js';

const $ = (id) => document.getElementById(id);

export const PRINTER_LEVEL = {
  ONLINE: 'ok', PAPER_NEAR_END: 'warn', PAPER_OUT: 'bad', COVER_OPEN: 'bad', OFFLINE: 'bad', AGENT_OFFLINE: 'bad',
};

export const view = {
  render() {
    this.renderQueues();
    this.renderCounters();
    this.renderPrinters();
    this.renderJobs();
    this.runningText.render();
    this.preview.translate();
  },

  /** Services in view: every one for managers, the supervisor's agency's otherwise. */
  agencies() {
    const all = this.hall?.agencies ?? [];
    return this.scope ? all.filter((a) => a.code === this.scope) : all;
  },

  /** In configuration order, as the server lists them. */
  countersInView() {
    return [...this.counters.values()].filter((c) => !this.scope || c.agency === this.scope);
  },

  oldest(q) {
    if (!q || q.waiting === 0) {
      return 0;
    }
    return q.oldestWaitMinutes + Math.floor((Date.now() - q.at) / 60000);
  },

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
  },

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
  },

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
  },

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
  },

  zone() {
    return this.hall?.timeZone || undefined;
  },

  /** HH.mm.ss of a moment in the hall's time zone. */
  clock(ms) {
    const f = hallFields(new Date(ms), this.zone());
    return hhmmss(f.hour, f.minute, f.second);
  },

  /** A report time: the time of day when it is today in the hall, with the date otherwise. */
  when(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) {
      return '';
    }
    const zone = this.zone();
    const day = (x) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(x);
    const time = hallTime(d, zone);
    if (day(d) === day(new Date())) {
      return time;
    }
    const date = new Intl.DateTimeFormat(t('locale'), { timeZone: zone, day: 'numeric', month: 'short' }).format(d);
    return `${date} ${time}`;
  },
};

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

function naturalCompare(a, b) {
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
