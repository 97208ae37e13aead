// The officer's actions on the terminal: which are possible now (and why not) as the server sends
// them, the keys, and one press at a time with its feedback. Mixed into Terminal (terminal.js).

import { serverText, t } from './messages.js';
import * as api from './api.js';
import { ApiError } from '/web/common/http.js';

const $ = (id) => document.getElementById(id);

const KEYS = { F1: 'callNext', F2: 'recall', F3: 'start', F4: 'finish', F6: 'noShow', F7: 'transfer', F8: 'hold' };

export const actions = {
  /** Whether the server says the action is possible now (allowedActions comes with every counter state). */
  allowed(action) {
    return !!this.counter?.allowedActions?.[action]?.allowed;
  },

  /** Why an action cannot run now, in the officer's words: the server's reason code as text. */
  whyNot(action) {
    const reason = this.counter?.allowedActions?.[action]?.reason;
    return reason ? t(`error.${reason}`) : t('pending');
  },

  typing(e) {
    return !!e.target?.closest?.('input, textarea, select, [contenteditable="true"]');
  },

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
  },

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
          this.applyTicket(ticket); // it has left the counter
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
  },

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
  },

  showError(err) {
    if (err instanceof ApiError) {
      this.feedback('error', serverText(err.detail) || t(`error.${err.code}`) || err.title);
    } else {
      this.feedback('error', t('networkError'));
    }
  },

  feedback(kind, text) {
    this.feedbackState = { kind, text };
    const f = $('feedback');
    f.className = `feedback ${kind}`;
    f.textContent = text;
  },
};
