// /admin/audit: the audit trail of chosen days (today by default), by actor and action, newest
// first, and the same as a CSV download.

import { t } from './admin-messages.js';
import { adminApi } from './admin-api.js';
import { startAdminPage, refusal, say, when } from './admin.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
let entries = [];
/** The hall's time zone once known: the days asked for and the times shown are the hall's. */
let hallZone;

/** The browser's date, until the hall's is known. */
function browserToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function query() {
  return { from: $('from').value, to: $('to').value, actor: $('actor').value.trim(), action: $('action').value.trim() };
}

/** before -> after as a short text: the fields that changed, or what was made. */
function change(e) {
  const b = e.before ?? {};
  const a = e.after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .filter((k) => k in b || (a[k] !== null && k !== 'createdAt'));
  return keys.map((k) => (k in b ? `${k}: ${JSON.stringify(b[k])} → ${JSON.stringify(a[k] ?? null)}`
    : `${k}: ${JSON.stringify(a[k])}`)).join('; ');
}

function draw() {
  const head = h('thead', {}, h('tr', {}, ['at', 'actor', 'action', 'target', 'address', 'change']
    .map((k) => h('th', { scope: 'col' }, t(k)))));
  const rows = entries.map((e) => h('tr', { dataset: { action: e.action } },
    h('td', { class: 'when' }, when(e.at, hallZone)),
    h('td', {}, e.actor),
    h('td', { class: 'mono' }, e.action),
    h('td', {}, e.target ?? ''),
    h('td', { class: 'mono' }, e.address ?? ''),
    h('td', { class: 'change' }, change(e))));
  $('audit').replaceChildren(head, h('tbody', {}, rows.length ? rows
    : h('tr', {}, h('td', { class: 'empty', colspan: 6 }, t('empty')))));
  $('count').textContent = t('shown', entries.length);
}

async function load() {
  try {
    entries = await adminApi.audit(query());
    say($('page-message'), '');
    draw();
  } catch (e) {
    say($('page-message'), refusal(e));
  }
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  load();
});
$('csv').addEventListener('click', async () => {
  try {
    const q = query();
    saveBlob(await adminApi.audit(q, true), `audit-${q.from}-${q.to}.csv`);
  } catch (e) {
    say($('page-message'), refusal(e));
  }
});
$('from').value = browserToday();
$('to').value = browserToday();

/**
 * The audit's days are the hall's (GET /audit reads from and to in the hall's time zone): the
 * first time the page shows, "today" becomes the hall's, which the browser's date is not in
 * another zone, nor for the hours around midnight when the browser's clock runs in UTC; the
 * entries' times are shown in the hall's zone too.
 */
let hallDayAsked = false;
async function show() {
  if (!hallDayAsked) {
    hallDayAsked = true;
    const before = browserToday();
    try {
      const hall = await adminApi.hall();
      hallZone = hall.timeZone;
      const day = hall.today;
      if (day && $('from').value === before && $('to').value === before) {
        $('from').value = day;
        $('to').value = day;
      }
    } catch {
      // the browser's date stays
    }
  }
  return load();
}

startAdminPage({ name: 'audit', show, relabel: draw });
