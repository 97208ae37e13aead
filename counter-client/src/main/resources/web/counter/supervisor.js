// The supervisor's monitor: the agency's counters live, and per counter which services it
// calls (a live reassignment; "Kembalikan" restores the hall's configuration).

import { t, label, serverText } from './messages.js';
import * as api from './api.js';
import { ApiError } from '/web/common/http.js';
import { el } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);

export class Supervisor {
  constructor({ hall, onConnected }) {
    this.hall = hall;
    this.onConnected = onConnected;
    this.counters = new Map();
    this.rows = new Map();
    this.user = api.session().user;
    this.wsUp = false;
    this.httpUp = true;
  }

  start() {
    $('sup-rows').replaceChildren();
    $('sup-feedback').textContent = '';
    api.onEvents({ reachable: (up) => { this.httpUp = up; this.renderConnection(); } });
    this.live = api.live(
      () => ({ type: 'subscribe', topics: ['counters'], token: api.session()?.token }),
      (m) => this.onLive(m),
      (up) => {
        this.wsUp = up;
        this.renderConnection();
        if (up) {
          this.load(); // the snapshot carries no officer names: read the staff view
        }
      });
    this.live.start();
    this.load();
  }

  stop() {
    this.live?.stop();
    api.onEvents({ reachable: () => {} });
    delete document.body.dataset.supervisorCounters;
  }

  renderConnection() {
    this.onConnected(this.wsUp && this.httpUp);
  }

  mine(counter) {
    return ['manager', 'admin'].includes(this.user.role) || counter.agency === this.user.agency;
  }

  async load() {
    try {
      const { counters } = await api.get('/counters');
      for (const c of counters) {
        this.counters.set(c.id, c);
      }
      this.render();
    } catch {
      // offline mark shows; the next connect loads again
    }
  }

  onLive(m) {
    if (m.type === 'counter' && m.counter && this.mine(m.counter)) {
      this.counters.set(m.counter.id, { ...(this.counters.get(m.counter.id) || {}), ...m.counter });
      this.renderRow(m.counter.id);
    } else if (m.type === 'error' && (m.code === 'UNAUTHENTICATED' || m.code === 'TOKEN_EXPIRED')) {
      window.dispatchEvent(new CustomEvent('antre:signout', { detail: t('sessionEnded') }));
    }
  }

  render() {
    const ids = [...this.counters.keys()].filter((id) => this.mine(this.counters.get(id)));
    document.body.dataset.supervisorCounters = ids.join(',');
    for (const id of ids) {
      this.renderRow(id);
    }
  }

  agencyServices(agency) {
    return this.hall.agencies.find((a) => a.code === agency)?.services || [];
  }

  renderRow(id) {
    const c = this.counters.get(id);
    let row = this.rows.get(id);
    if (!row) {
      row = this.buildRow(c);
      this.rows.set(id, row);
      $('sup-rows').append(row.tr);
    }
    row.tr.dataset.state = c.state;
    row.tr.dataset.current = c.current?.number || '';
    row.state.textContent = c.state === 'PAUSED' && c.pauseReason
      ? `${label('state', c.state)} · ${label('pauseReason', c.pauseReason)}` : label('state', c.state);
    row.state.className = `state state-${(c.state || '').toLowerCase()}`;
    row.officer.textContent = c.officer || t('none');
    row.current.textContent = c.current ? `${c.current.number} · ${label('status', c.current.status)}` : t('none');
    row.reassigned.hidden = !c.reassigned;
    row.reassigned.textContent = t('reassigned');
    row.save.textContent = t('save');
    row.restore.textContent = t('restore');
    if (!row.dirty) {
      for (const box of row.boxes) {
        box.checked = (c.services || []).includes(box.value);
      }
    }
    this.renderEditorButtons(row, c);
    row.tr.dataset.services = (c.services || []).join(',');
  }

  /** Save only once something changed; Restore only when the counter was reassigned. */
  renderEditorButtons(row, c) {
    row.save.disabled = row.busy || !row.dirty;
    row.restore.disabled = row.busy || !c.reassigned;
  }

  buildRow(c) {
    const tr = el('tr');
    tr.dataset.counter = c.id;
    const name = el('th', 'c-name', c.name);
    name.scope = 'row';
    const state = el('span');
    const officer = el('td');
    const current = el('td', 'c-current');
    const editor = el('td', 'c-services');
    const boxes = [];
    const group = el('div', 'svc-boxes');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', `${t('colServices')} ${c.name}`);
    for (const s of this.agencyServices(c.agency)) {
      const l = el('label', 'chk');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = s.code;
      box.dataset.service = s.code;
      l.append(box, el('span', null, `${s.name} (${s.code})`));
      group.append(l);
      boxes.push(box);
    }
    const save = el('button', 'small primary');
    save.type = 'button';
    save.dataset.do = 'save';
    const restore = el('button', 'small');
    restore.type = 'button';
    restore.dataset.do = 'restore';
    const reassigned = el('span', 'badge reassigned');
    const buttons = el('div', 'svc-buttons');
    buttons.append(save, restore, reassigned);
    editor.append(group, buttons);
    const stateTd = el('td');
    stateTd.append(state);
    tr.append(name, stateTd, officer, current, editor);
    const row = { tr, state, officer, current, boxes, save, restore, reassigned, dirty: false, busy: false };
    group.addEventListener('change', () => {
      const now = this.counters.get(c.id);
      row.dirty = row.boxes.some((b) => b.checked !== (now.services || []).includes(b.value));
      tr.classList.toggle('dirty', row.dirty);
      this.renderEditorButtons(row, now);
    });
    save.addEventListener('click', () => this.save(c.id, row, false));
    restore.addEventListener('click', () => this.save(c.id, row, true));
    return row;
  }

  async save(id, row, restore) {
    const c = this.counters.get(id);
    let services = [];
    if (!restore) {
      const ticked = row.boxes.filter((b) => b.checked).map((b) => b.value);
      if (!ticked.length) {
        this.feedback('error', t('pickOneService'));
        return;
      }
      // keep the counter's own order for services it already calls; new ones go last
      services = [...(c.services || []).filter((s) => ticked.includes(s)), ...ticked.filter((s) => !(c.services || []).includes(s))];
    }
    row.busy = true;
    this.renderEditorButtons(row, c);
    try {
      // setting the same list twice changes nothing, so no requestId is needed here
      const updated = await api.request('POST', `/counters/${id}/services`, { services });
      row.dirty = false;
      row.tr.classList.remove('dirty');
      this.counters.set(id, { ...c, ...updated });
      this.renderRow(id);
      this.feedback('ok', restore ? t('restoredServices', c.name) : t('savedServices', c.name));
    } catch (err) {
      this.feedback('error', err instanceof ApiError ? serverText(err.detail) || err.title : t('networkError'));
    } finally {
      row.busy = false;
      this.renderEditorButtons(row, this.counters.get(id));
    }
  }

  feedback(kind, text) {
    const f = $('sup-feedback');
    f.className = `feedback ${kind}`;
    f.textContent = text;
  }
}
