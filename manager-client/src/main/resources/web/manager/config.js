// The hall configuration page (/admin/config): administrators change the hall while it runs,
// managers read it. The form is config-form.js; this module signs in, loads the configuration with
// its version (the ETag), saves it against that version (If-Match) and shows what the server says.
// The bar and the tabs are the administration pages' (admin-nav.js).

import { api, saveSession, session } from './api.js';
import { clearErrors, renderForm, showError } from './config-form.js';
import { setLang, t, translate } from './config-messages.js';
import { drawAdminNav } from './admin-nav.js';
import { ApiError } from '/web/common/http.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
const ALLOWED = new Set(['admin', 'manager']);
const state = { config: null, version: null, readOnly: true, status: null };
const nav = drawAdminNav({
  page: 'config',
  onLanguage: (l) => {
    setLang(l);
    relabel();
  },
  onSignOut: () => {
    api.logout();
    signOut(null);
  },
});

function show(view) {
  for (const v of ['login', 'config']) {
    $(`view-${v}`).hidden = view !== v;
  }
  document.body.dataset.view = view;
  nav.signedIn(view === 'config' ? session()?.user ?? null : null);
}

/** One request with the bearer token; the answer's JSON (or text) and its ETag, or an ApiError with the problem's field. */
async function call(method, path, { body, ifMatch, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, Authorization: `Bearer ${session()?.token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = `"${ifMatch}"`;
  let res;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error(t('networkError'));
  }
  const text = await res.text();
  if (!res.ok) {
    let problem = {};
    try { problem = JSON.parse(text); } catch { /* not problem+json */ }
    const err = new ApiError(res.status, problem);
    err.field = problem.field || '';
    throw err;
  }
  const etag = (res.headers.get('ETag') || '').replaceAll('"', '');
  return { body: accept === 'application/json' ? JSON.parse(text) : text, version: etag };
}

function status(kind, text, detail) {
  state.status = [kind, text, detail];
  const box = $('status');
  box.hidden = !text;
  box.className = `status ${kind}`;
  box.replaceChildren(h('span', {}, text), detail ? h('span', { class: 'detail' }, ` ${detail}`) : null,
    kind === 'bad' && state.conflict ? h('button', { type: 'button', class: 'small', onclick: load }, t('reload')) : null);
  document.body.dataset.status = kind;
}

function draw() {
  renderForm($('form'), state.config, { readOnly: state.readOnly, changed: draw });
  $('version').textContent = state.version ? t('version', state.version) : '';
  $('save').hidden = state.readOnly;
  $('read-only').hidden = !state.readOnly;
}

async function load() {
  state.conflict = false;
  status('', '');
  try {
    const { body, version } = await call('GET', '/config');
    state.config = body;
    state.version = version;
    state.readOnly = session().user.role !== 'admin';
    show('config');
    draw();
    document.body.dataset.version = version;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      signOut('sessionEnded');
      return;
    }
    show('config');
    status('bad', t('loadFailed'), e.message);
  }
}

async function save() {
  clearErrors($('form'));
  $('save').disabled = true;
  status('busy', t('saving'));
  try {
    const { body, version } = await call('PUT', '/config', { body: state.config, ifMatch: state.version });
    const changed = version !== state.version;
    state.config = body;
    state.version = version;
    document.body.dataset.version = version;
    draw();
    status('ok', changed ? t('saved', version) : t('unchanged'));
  } catch (e) {
    state.conflict = e.code === 'CONFIG_CONFLICT';
    if (state.conflict) {
      status('bad', t('conflict'));
    } else {
      status('bad', t('refused'), e.detail || e.message);
      if (e.field) {
        showError($('form'), e.field, e.detail);
      }
    }
  } finally {
    $('save').disabled = false;
  }
}

async function download() {
  try {
    const { body } = await call('GET', '/config.yaml', { accept: 'application/yaml' });
    const url = URL.createObjectURL(new Blob([body], { type: 'application/yaml' }));
    const a = h('a', { href: url, download: 'hall.yaml' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (e) {
    status('bad', t('refused'), e.detail || e.message);
  }
}

function signOut(key) {
  saveSession(null);
  show('login');
  $('login-message').hidden = !key;
  $('login-message').textContent = key ? t(key) : '';
}

async function onLogin(e) {
  e.preventDefault();
  try {
    const res = await api.login($('username').value.trim(), $('password').value);
    if (!ALLOWED.has(res.user.role)) {
      signOut('notForRole');
      return;
    }
    saveSession(res);
    $('password').value = '';
    await load();
  } catch (err) {
    signOut(err instanceof ApiError && err.status === 401 ? 'wrongLogin' : null);
    if (!(err instanceof ApiError)) {
      $('login-message').hidden = false;
      $('login-message').textContent = t('networkError');
    }
  }
}

function relabel() {
  translate();
  if (state.config) {
    draw();
  }
  if (state.status) {
    status(...state.status);
  }
}

$('login-form').addEventListener('submit', onLogin);
$('save').addEventListener('click', save);
$('export').addEventListener('click', download);
translate();
if (session()?.token && ALLOWED.has(session().user.role)) {
  load();
} else {
  signOut(null);
}
