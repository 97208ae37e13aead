// The statistics page: sign-in (any staff role; the server scopes what each sees), the period
// presets and filters, and loading every view of the chosen period at once.

import { t, translate, setLang, lang } from './stats-messages.js';
import { statsApi, session, saveSession, whenUnauthorized, serverToday, presetRange, saveBlob } from './stats-data.js';
import { drawTiles, drawSummary, drawOfficers, drawBookings } from './stats-view.js';
import { drawTrend, drawHistogram, drawHeatmap, resizeCharts } from './stats-charts.js';
import { ApiError } from '/web/common/http.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
const PRESETS = ['today', 'yesterday', 'week', 'month', 'lastMonth', 'custom'];
const GROUPS = ['agency', 'service', 'counter', 'officer', 'channel', 'priority', 'day', 'hour'];

const state = { hall: null, preset: 'month', data: null, loginKey: null, today: null };

function show(view) {
  $('view-login').hidden = view !== 'login';
  $('view-stats').hidden = view !== 'stats';
  document.body.dataset.view = view;
  const s = session();
  const on = view === 'stats' && s;
  $('logout').hidden = !on;
  $('bar-user').textContent = on ? s.user.displayName || s.user.username : '';
  $('to-admin').hidden = !(on && s.user.role === 'admin');
  $('scope').hidden = !on;
  if (on) {
    const u = s.user;
    const agency = state.hall?.agencies.find((a) => a.code === u.agency)?.name ?? u.agency;
    $('scope').textContent = u.role === 'officer' ? t('scopeOfficer', u.displayName || u.username)
      : u.role === 'supervisor' ? t('scopeAgency', agency) : t('scopeHall');
  }
}

/** The agencies this user may pick: all for managers and admins, their own otherwise. */
function agencies() {
  const u = session()?.user;
  const all = state.hall?.agencies ?? [];
  return u && (u.role === 'supervisor' || u.role === 'officer') ? all.filter((a) => a.code === u.agency) : all;
}

function fillSelects() {
  const keepAgency = $('agency').value;
  const own = agencies();
  const options = own.length > 1 ? [h('option', { value: '' }, t('all'))] : [];
  $('agency').replaceChildren(...options, ...own.map((a) => h('option', { value: a.code }, a.name)));
  if (keepAgency && own.some((a) => a.code === keepAgency)) {
    $('agency').value = keepAgency;
  }
  fillServices();
  const keepGroup = $('group-by').value || (own.length > 1 ? 'agency' : 'service');
  $('group-by').replaceChildren(...GROUPS.map((g) => h('option', { value: g }, t(`groups.${g}`))));
  $('group-by').value = keepGroup;
  $('presets').replaceChildren(...PRESETS.map((p) => h('button', {
    type: 'button', class: 'small', 'aria-pressed': String(p === state.preset), dataset: { preset: p },
    onclick: () => choosePreset(p),
  }, t(`presets.${p}`))));
}

function fillServices() {
  const keep = $('service').value;
  const agency = $('agency').value;
  const services = agencies().filter((a) => !agency || a.code === agency).flatMap((a) => a.services);
  $('service').replaceChildren(h('option', { value: '' }, t('all')),
    ...services.map((s) => h('option', { value: s.code }, s.name)));
  if (services.some((s) => s.code === keep)) {
    $('service').value = keep;
  }
}

function choosePreset(p) {
  state.preset = p;
  if (p !== 'custom') {
    const r = presetRange(p, state.today);
    $('from').value = r.from;
    $('to').value = r.to;
    load();
  } else {
    $('from').focus();
  }
  document.querySelectorAll('#presets button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.preset === p)));
}

function filter() {
  return { from: $('from').value, to: $('to').value, agency: $('agency').value, service: $('service').value };
}

async function load() {
  const f = filter();
  const groupBy = $('group-by').value;
  const compare = $('compare').checked;
  document.body.dataset.state = 'loading';
  $('range').textContent = t('loading');
  $('error').hidden = true;
  try {
    const [hall, groups, byDay, heatmap, histogram, officers, bookings] = await Promise.all([
      statsApi.summary({ ...f, groupBy: 'hall', compare: compare ? 'previous' : '' }),
      statsApi.summary({ ...f, groupBy }),
      statsApi.summary({ ...f, groupBy: 'day' }),
      statsApi.heatmap(f),
      statsApi.histogram(f),
      statsApi.officers(f),
      statsApi.bookings(f),
    ]);
    state.data = { hall, groups, byDay, heatmap, histogram, officers, bookings };
    render();
    document.body.dataset.state = 'ready';
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      return;
    }
    document.body.dataset.state = 'error';
    $('range').textContent = '';
    $('error').hidden = false;
    $('error').textContent = t('loadError', err instanceof ApiError ? err.detail || err.code : t('networkError'));
  }
}

function render() {
  const d = state.data;
  if (!d) {
    return;
  }
  const prev = d.hall.previous;
  $('range').textContent = t('range', d.hall.from, d.hall.to)
    + (prev ? ` · ${t('previousRange', prev.from, prev.to)}` : '');
  drawTiles($('tiles'), d.hall.rows[0], prev ? prev.rows[0] ?? {} : null);
  drawSummary($('summary'), d.groups);
  drawOfficers($('officers'), d.officers);
  drawBookings($('bookings'), d.bookings);
  drawTrend($('chart-trend'), d.byDay);
  drawHistogram($('chart-histogram'), d.histogram);
  drawHeatmap($('chart-heatmap'), d.heatmap);
}

async function download(format) {
  const f = { ...filter(), groupBy: $('group-by').value };
  try {
    const blob = await statsApi.download(f, format);
    saveBlob(blob, `statistik-${f.from}-${f.to}-${f.groupBy}.${format}`);
  } catch (err) {
    $('error').hidden = false;
    $('error').textContent = t('loadError', err instanceof ApiError ? err.detail || err.code : t('networkError'));
  }
}

async function start() {
  state.today = await serverToday(state.hall?.timeZone);
  show('stats');
  fillSelects();
  choosePreset(state.preset);
}

function showLogin(key) {
  state.loginKey = key;
  show('login');
  $('login-message').hidden = !key;
  $('login-message').textContent = key ? t(key) : '';
  $('username').focus();
}

async function onLogin(e) {
  e.preventDefault();
  try {
    const res = await statsApi.login($('username').value.trim(), $('password').value);
    saveSession({ token: res.token, user: res.user });
    $('password').value = '';
    await start();
  } catch (err) {
    showLogin(err instanceof ApiError && err.status === 401 ? 'wrongLogin' : 'networkError');
  }
}

async function init() {
  translate();
  whenUnauthorized(() => {
    saveSession(null);
    showLogin('sessionEnded');
  });
  $('login-form').addEventListener('submit', onLogin);
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('agency').addEventListener('change', fillServices);
  ['from', 'to'].forEach((id) => $(id).addEventListener('change', () => {
    state.preset = 'custom';
    document.querySelectorAll('#presets button').forEach((b) => b.setAttribute('aria-pressed',
      String(b.dataset.preset === 'custom')));
  }));
  $('csv').addEventListener('click', () => download('csv'));
  $('xlsx').addEventListener('click', () => download('xlsx'));
  $('logout').addEventListener('click', () => {
    statsApi.logout();
    saveSession(null);
    showLogin(null);
  });
  $('lang').addEventListener('click', () => {
    setLang(lang() === 'en' ? 'id' : 'en');
    translate();
    show(document.body.dataset.view);
    if (session()) {
      fillSelects();
      render();
    }
    if (state.loginKey) {
      showLogin(state.loginKey);
    }
  });
  window.addEventListener('resize', resizeCharts);
  try {
    state.hall = await statsApi.hall();
    $('hall-name').textContent = `${state.hall.name ?? ''} ${state.hall.subtitle ?? ''}`.trim();
  } catch {
    // the hall's name is a nicety; the figures come from the statistics themselves
  }
  if (session()?.token) {
    start();
  } else {
    showLogin(null);
  }
}

init();
