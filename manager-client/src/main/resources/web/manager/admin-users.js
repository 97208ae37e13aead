// /admin/users: every account, a new one, and per account: edit role, agency and name, disable or
// enable, reset the password. The server checks everything again and ends sessions where it must.

import { t, label } from './admin-messages.js';
import { adminApi, session } from './admin-api.js';
import { startAdminPage, refusal, say } from './admin.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
const ROLES = ['officer', 'supervisor', 'manager', 'admin'];
const state = { users: [], agencies: [], editing: null };

const needsAgency = (role) => role === 'officer' || role === 'supervisor';

function fillRoles(select, keep) {
  select.replaceChildren(...ROLES.map((r) => h('option', { value: r }, label('roles', r))));
  select.value = keep || 'officer';
}

function fillAgencies(select, role, keep) {
  const on = needsAgency(role);
  select.disabled = !on;
  select.replaceChildren(...(on ? state.agencies.map((a) => h('option', { value: a.code }, a.name))
    : [h('option', { value: '' }, t('none'))]));
  if (on && keep && state.agencies.some((a) => a.code === keep)) {
    select.value = keep;
  }
}

function agencyName(code) {
  return state.agencies.find((a) => a.code === code)?.name ?? code ?? t('none');
}

function draw() {
  const me = session()?.user.username;
  const head = h('thead', {}, h('tr', {}, ['username', 'displayName', 'role', 'agency', 'status', 'actions']
    .map((k) => h('th', { scope: 'col' }, t(k)))));
  const rows = state.users.map((u) => h('tr', { class: u.active ? null : 'off', dataset: { user: u.username } },
    h('th', { scope: 'row', class: 'mono' }, u.username),
    h('td', {}, u.displayName),
    h('td', {}, label('roles', u.role)),
    h('td', {}, u.agency ? agencyName(u.agency) : t('none')),
    h('td', {}, h('span', { class: u.active ? 'badge' : 'badge off' }, u.active ? t('active') : t('inactive'))),
    h('td', { class: 'actions' },
      h('button', { type: 'button', class: 'small', dataset: { act: 'edit' }, onclick: () => openEdit(u) }, t('edit')),
      h('button', { type: 'button', class: 'small', dataset: { act: 'reset' }, onclick: () => openReset(u) },
        t('resetPassword')),
      u.username === me ? null : h('button', {
        type: 'button', class: u.active ? 'small danger' : 'small', dataset: { act: u.active ? 'disable' : 'enable' },
        onclick: () => setActive(u, !u.active),
      }, u.active ? t('disable') : t('enable')))));
  $('users').replaceChildren(head, h('tbody', {}, rows.length ? rows
    : h('tr', {}, h('td', { class: 'empty', colspan: 6 }, t('empty')))));
}

async function load() {
  state.users = await adminApi.users();
  draw();
}

async function setActive(u, active) {
  if (!active && !confirm(t('confirmDisable', u.username))) {
    return;
  }
  try {
    await adminApi.updateUser(u.username, { active });
    say($('page-message'), t('saved'), true);
    await load();
  } catch (e) {
    say($('page-message'), refusal(e));
  }
}

function openEdit(u) {
  state.editing = u;
  $('edit-title').textContent = t('editTitle', u.username);
  say($('edit-message'), '');
  $('edit-display').value = u.displayName;
  fillRoles($('edit-role'), u.role);
  fillAgencies($('edit-agency'), u.role, u.agency);
  $('edit-dialog').showModal();
}

function openReset(u) {
  state.editing = u;
  $('reset-title').textContent = t('resetTitle', u.username);
  say($('reset-message'), '');
  $('reset-password').value = '';
  $('reset-dialog').showModal();
}

function wire() {
  $('new-role').addEventListener('change', () => fillAgencies($('new-agency'), $('new-role').value));
  $('edit-role').addEventListener('change', () => fillAgencies($('edit-agency'), $('edit-role').value,
    state.editing?.agency));
  $('create-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const role = $('new-role').value;
    const user = {
      username: $('new-username').value.trim(), password: $('new-password').value, role,
      displayName: $('new-display').value.trim() || undefined,
      agency: needsAgency(role) ? $('new-agency').value : undefined,
    };
    try {
      await adminApi.createUser(user);
      say($('page-message'), t('created', user.username), true);
      $('create-form').reset();
      fillRoles($('new-role'));
      fillAgencies($('new-agency'), 'officer');
      await load();
    } catch (e) {
      say($('page-message'), refusal(e));
    }
  });
  $('edit-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const u = state.editing;
    const role = $('edit-role').value;
    const change = {};
    if ($('edit-display').value.trim() !== u.displayName) {
      change.displayName = $('edit-display').value.trim();
    }
    if (role !== u.role) {
      change.role = role;
    }
    const agency = needsAgency(role) ? $('edit-agency').value : null;
    if (agency !== (u.agency ?? null)) {
      change.agency = agency;
    }
    if (!Object.keys(change).length) {
      $('edit-dialog').close();
      return;
    }
    try {
      await adminApi.updateUser(u.username, change);
      $('edit-dialog').close();
      say($('page-message'), t('saved'), true);
      await load();
    } catch (e) {
      say($('edit-message'), refusal(e));
    }
  });
  $('reset-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await adminApi.updateUser(state.editing.username, { password: $('reset-password').value });
      $('reset-password').value = '';
      $('reset-dialog').close();
      say($('page-message'), t('saved'), true);
    } catch (e) {
      say($('reset-message'), refusal(e));
    }
  });
  $('edit-cancel').addEventListener('click', () => $('edit-dialog').close());
  $('reset-cancel').addEventListener('click', () => $('reset-dialog').close());
}

wire();
startAdminPage({
  name: 'users',
  async show() {
    const hall = await adminApi.hall();
    state.agencies = hall.agencies.map((a) => ({ code: a.code, name: a.name }));
    fillRoles($('new-role'));
    fillAgencies($('new-agency'), 'officer');
    await load();
  },
  relabel() {
    const role = $('new-role').value;
    const agency = $('new-agency').value;
    fillRoles($('new-role'), role);
    fillAgencies($('new-agency'), role, agency);
    draw();
  },
});
