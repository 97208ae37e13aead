// /admin/devices: every device with when it was last seen and the version it reported; register
// one (its token shown once, with a copy button), rotate a token, revoke a device.

import { t, label } from './admin-messages.js';
import { adminApi } from './admin-api.js';
import { startAdminPage, refusal, say, when } from './admin.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['kiosk', 'display', 'print-agent', 'survey'];
const state = { devices: [], zones: [], counters: [] };

function where(d) {
  if (d.kind === 'print-agent') {
    return `${t('kiosk')}: ${d.kiosk}`;
  }
  if (d.kind === 'survey') {
    return `${t('counter')}: ${state.counters.find((c) => c.id === d.counter)?.name ?? d.counter}`;
  }
  return d.zone ?? t('none');
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['name', 'kind', 'where', 'lastSeen', 'version', 'status', 'actions']
    .map((k) => h('th', { scope: 'col' }, t(k)))));
  const rows = state.devices.map((d) => h('tr', { class: d.active ? null : 'off', dataset: { device: d.id } },
    h('th', { scope: 'row' }, d.name, h('br'), h('span', { class: 'mono' }, d.id)),
    h('td', {}, label('kinds', d.kind)),
    h('td', {}, where(d)),
    h('td', {}, d.lastSeenAt ? when(d.lastSeenAt) : t('never')),
    h('td', { class: 'mono' }, d.clientVersion ?? t('none')),
    h('td', {}, h('span', { class: d.active ? 'badge' : 'badge off' }, d.active ? t('active') : t('revoked'))),
    h('td', { class: 'actions' }, d.active ? [
      h('button', { type: 'button', class: 'small', dataset: { act: 'rotate' }, onclick: () => rotate(d) }, t('rotate')),
      h('button', { type: 'button', class: 'small danger', dataset: { act: 'revoke' }, onclick: () => revoke(d) },
        t('revoke')),
    ] : null)));
  $('devices').replaceChildren(head, h('tbody', {}, rows.length ? rows
    : h('tr', {}, h('td', { class: 'empty', colspan: 7 }, t('empty')))));
  fillKiosks();
}

function fillForm() {
  const kind = $('new-kind').value || 'kiosk';
  $('new-kind').replaceChildren(...KINDS.map((k) => h('option', { value: k }, label('kinds', k))));
  $('new-kind').value = kind;
  const zone = $('new-zone').value;
  $('new-zone').replaceChildren(h('option', { value: '' }, t('anyZone')),
    ...state.zones.map((z) => h('option', { value: z }, z)));
  $('new-zone').value = zone;
  $('new-counter').replaceChildren(...state.counters.map((c) => h('option', { value: c.id }, c.name)));
  fillKiosks();
  showFields();
}

function fillKiosks() {
  const keep = $('new-kiosk').value;
  const kiosks = state.devices.filter((d) => d.kind === 'kiosk' && d.active);
  $('new-kiosk').replaceChildren(...kiosks.map((d) => h('option', { value: d.id }, `${d.name} (${d.id})`)));
  if (kiosks.some((d) => d.id === keep)) {
    $('new-kiosk').value = keep;
  }
}

function showFields() {
  const kind = $('new-kind').value;
  $('zone-field').hidden = kind === 'print-agent' || kind === 'survey';
  $('kiosk-field').hidden = kind !== 'print-agent';
  $('counter-field').hidden = kind !== 'survey';
}

function showToken(id, token) {
  $('token-title').textContent = t('tokenTitle', id);
  $('token').value = token;
  $('copy').textContent = t('copy');
  $('token-panel').hidden = false;
  $('token').select();
}

async function load() {
  state.devices = await adminApi.devices();
  draw();
}

async function rotate(d) {
  if (!confirm(t('confirmRotate', d.id))) {
    return;
  }
  try {
    const r = await adminApi.rotateDevice(d.id);
    say($('page-message'), '');
    showToken(r.id, r.token);
    await load();
  } catch (e) {
    say($('page-message'), refusal(e));
  }
}

async function revoke(d) {
  if (!confirm(t('confirmRevoke', d.id))) {
    return;
  }
  try {
    await adminApi.revokeDevice(d.id);
    say($('page-message'), t('saved'), true);
    await load();
  } catch (e) {
    say($('page-message'), refusal(e));
  }
}

function wire() {
  $('new-kind').addEventListener('change', showFields);
  $('register-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const kind = $('new-kind').value;
    const device = { kind, name: $('new-name').value.trim(), id: $('new-id').value.trim() || undefined };
    if (kind === 'kiosk' || kind === 'display') {
      device.zone = $('new-zone').value || undefined;
    } else if (kind === 'print-agent') {
      device.kiosk = $('new-kiosk').value || undefined;
    } else {
      device.counter = $('new-counter').value || undefined;
    }
    try {
      const r = await adminApi.registerDevice(device);
      say($('page-message'), '');
      $('new-name').value = '';
      $('new-id').value = '';
      showToken(r.id, r.token);
      await load();
    } catch (e) {
      say($('page-message'), refusal(e));
    }
  });
  $('copy').addEventListener('click', async () => {
    $('token').select();
    try {
      await navigator.clipboard.writeText($('token').value);
    } catch {
      // plain http on the hall's LAN has no clipboard API: the selected text copies with Ctrl+C
      document.execCommand('copy');
    }
    $('copy').textContent = t('copied');
  });
  $('token-close').addEventListener('click', () => {
    $('token').value = '';
    $('token-panel').hidden = true;
  });
}

wire();
startAdminPage({
  name: 'devices',
  async show() {
    const hall = await adminApi.hall();
    state.zones = [...new Set(hall.counters.map((c) => c.zone).filter(Boolean))];
    state.counters = hall.counters.map((c) => ({ id: c.id, name: c.name }));
    await load();
    fillForm();
  },
  relabel() {
    fillForm();
    draw();
    if (!$('token-panel').hidden) {
      $('copy').textContent = t('copy');
    }
  },
});
