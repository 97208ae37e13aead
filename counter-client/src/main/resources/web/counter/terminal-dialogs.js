// The terminal's dialogs: finish with an outcome, transfer, hold, pause and calling a chosen
// ticket. Mixed into Terminal (terminal.js).

import { t, translate, label, serverText } from './messages.js';
import { ApiError } from '/web/common/http.js';
import * as api from './api.js';
import { el } from '/web/common/dom.js';
import { bookingBadge } from './terminal-view.js';

const $ = (id) => document.getElementById(id);

export const dialogs = {
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
        this.applyTicket(ticket); // it has left the counter
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
      this.transferTo(service, note, false);
    });
    this.listen($('closed-form'), 'submit', (e) => {
      e.preventDefault();
      $('dlg-closed').close();
      const { service, note } = this.closedTransfer || {};
      this.closedTransfer = null;
      if (service) {
        this.transferTo(service, note, true);
      }
    });

    this.listen($('hold-form'), 'submit', (e) => {
      e.preventDefault();
      const note = $('hold-note').value.trim();
      $('dlg-hold').close();
      this.run('hold', async (retry) => {
        const ticket = await api.press(`/counters/${this.id}/hold`, note ? { note } : {}, retry);
        this.applyTicket(ticket); // it has left the counter
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
  },

  /**
   * Transfers the current ticket. A target closed today is refused with its reason: the officer
   * reads it and may confirm, which sends the transfer again with force (the server logs it).
   */
  transferTo(service, note, force) {
    this.run('transfer', async (retry) => {
      const body = { service, ...(note ? { note } : {}), ...(force ? { force: true } : {}) };
      let ticket;
      try {
        ticket = await api.press(`/counters/${this.id}/transfer`, body, retry);
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'SERVICE_CLOSED' || force) {
          throw err;
        }
        this.closedTransfer = { service, note };
        this.feedback('info', t('closedAsk'));
        this.openDialog('dlg-closed', null, () => {
          $('closed-reason').textContent = serverText(err.detail);
        });
        return;
      }
      this.applyTicket(ticket); // it has left the counter
      this.feedback('ok', t('didTransfer', ticket.number, this.serviceName(service)));
    });
  },

  dialogMessage(id, text) {
    const m = $(id);
    m.hidden = !text;
    m.textContent = text || '';
  },

  openDialog(id, focusId, prepare) {
    const d = $(id);
    prepare();
    translate(d);
    d.showModal();
    if (focusId) {
      $(focusId).focus();
    }
  },

  radio(name, value, text, checked) {
    const l = el('label', 'radio');
    const i = document.createElement('input');
    i.type = 'radio';
    i.name = name;
    i.value = value;
    i.checked = checked;
    l.append(i, el('span', null, text));
    return l;
  },

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
  },


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
          const r = this.radio('target', s.code, `${s.name} · ${a.name}`, false);
          r.dataset.search = `${s.name} ${s.code} ${a.name} ${a.fullName || ''}`.toLowerCase();
          list.append(r);
        }
      }
      this.filterTransfer();
    });
  },

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
  },

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
        const booked = bookingBadge(tk, this.hall?.timeZone);
        list.append(this.radio('ticket', String(tk.id),
          `${tk.number} · ${tk.serviceName || tk.service}${pr}${booked ? ` · ${booked}` : ''} · ${t('waitedMinutes', waited)}`,
          i === 0));
      });
    });
    ($('specific-list').querySelector('input:checked') || $('specific-reason')).focus();
  },
};
