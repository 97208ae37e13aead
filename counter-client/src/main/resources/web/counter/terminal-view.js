// Drawing the terminal: the current ticket and its timers, the buttons, the queues of the
// counter's services and the held tickets. Mixed into Terminal (terminal.js).

import { t, label } from './messages.js';
import * as api from './api.js';
import { el } from '/web/common/dom.js';
import { hallTime, hhmm } from '/web/common/time.js';

const $ = (id) => document.getElementById(id);

const mmss = (ms) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * "Booking 09.00" for a ticket that came from a booking, else null: its slot's start (the server
 * sends it as an instant, shown in the hall's zone), or failing that the time it queues at.
 */
export function bookingBadge(tk, timeZone) {
  const b = tk?.booking;
  if (!b) {
    return null;
  }
  const plain = /^(\d{2}):(\d{2})/.exec(b.slot || '');
  const at = Date.parse(b.slot || b.slotStart || b.queuedAt || '');
  let time = '';
  if (plain) {
    time = hhmm(plain[1], plain[2]);
  } else if (!Number.isNaN(at)) {
    time = hallTime(new Date(at), timeZone);
  }
  return t('bookingBadge', time);
}

export const view = {
  serviceName(code) {
    for (const a of this.hall.agencies) {
      const s = a.services.find((x) => x.code === code);
      if (s) {
        return s.name;
      }
    }
    return code;
  },


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
    $('served-counter').textContent = String(this.counterServedToday);
    $('transferred-today').textContent = String(this.transferredToday);
    $('served-counter-label').textContent = t('servedAtCounter', c.name || `Loket ${this.id}`);

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
    const booked = bookingBadge(tk, this.hall?.timeZone);
    const booking = $('ticket-booking');
    booking.hidden = !booked;
    booking.textContent = booked || '';
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
  },

  renderButtons() {
    for (const b of document.querySelectorAll('#view-terminal [data-action]')) {
      const a = b.dataset.action;
      b.disabled = !!this.pending || !this.allowed(a);
      b.classList.toggle('is-pending', this.pending === a);
      b.setAttribute('aria-busy', String(this.pending === a));
    }
  },

  renderTimers() {
    const tk = this.counter?.current;
    const now = Date.now() + this.skew;
    $('timer-called').textContent = tk?.calledAt ? mmss(now - Date.parse(tk.calledAt)) : '--:--';
    $('timer-started').textContent = tk?.startedAt ? mmss(now - Date.parse(tk.startedAt)) : '--:--';
  },

  renderConnection() {
    this.onConnected(this.wsUp && this.httpUp);
  },

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
  },

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
      const booked = bookingBadge(tk, this.hall?.timeZone);
      if (booked) {
        text.append(' ', el('span', 'badge booking', booked));
      }
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
  },
};
