// The printable monthly report (Indonesian first): volumes, waiting and service times and the
// service level for the hall, per agency and per service, and the SKM/IKM section from
// /stats/ikm for the hall and per agency. The browser prints it or saves it as PDF through the
// print stylesheet (A4, stats.css).

import { t, translate, setLang, lang, num } from './stats-messages.js';
import { statsApi, session, iso, serverToday } from './stats-data.js';
import { drawSummary } from './stats-view.js';
import { ApiError } from '/web/common/http.js';
import { h } from '/web/common/dom.js';

const $ = (id) => document.getElementById(id);
let hall = null;

function monthRange(value) {
  const [y, m] = value.split('-').map(Number);
  return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
}

function monthName(value) {
  const [y, m] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(t('locale'), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const COMMENTS_SHOWN = 5;

function serviceName(code) {
  for (const a of hall?.agencies ?? []) {
    const s = (a.services ?? []).find((x) => x.code === code);
    if (s) {
      return s.name;
    }
  }
  return code;
}

/** A fact of the IKM block: its label and value side by side. */
function fact(label, value, cls) {
  return h('div', { class: cls || null }, h('dt', {}, label), h('dd', {}, value));
}

/**
 * One scope's IKM (the hall, or one agency): the index with its grade, the respondents against the
 * minimum sample, the period's population, the 9 NRRs, and with withComments the latest comments
 * (only their text, service and day: nothing else about who wrote them).
 */
function ikmBlock(title, scope, ikm, withComments) {
  const block = h('div', { class: 'ikm-scope', dataset: { scope } }, h('h3', {}, title));
  if (!ikm.respondents) {
    block.append(h('p', { class: 'ikm-none' }, t('ikmNone')),
      h('p', { class: 'ikm-population' }, `${t('ikmPopulationLabel')}: ${t('ikmPopulation', num(ikm.population), ikm.population)}`));
    return block;
  }
  const label = lang() === 'en' ? ikm.labelEn ?? ikm.label : ikm.label;
  const names = t('ikmElements');
  block.append(
    h('dl', { class: 'ikm-facts' },
      fact(t('ikmIndex'), num(ikm.ikm, 2), 'ikm-index'),
      fact(t('ikmGrade'), t('ikmGradeValue', ikm.grade, label), 'ikm-grade'),
      fact(t('ikmRespondentsLabel'), [t('ikmRespondents', num(ikm.respondents), num(ikm.minSample)),
        ikm.enough ? null : h('span', { class: 'ikm-short' }, t('ikmTooSmall', num(ikm.respondents), num(ikm.minSample)))],
      'ikm-respondents'),
      fact(t('ikmPopulationLabel'), t('ikmPopulation', num(ikm.population), ikm.population), 'ikm-population')),
    h('table', { class: 'grid stat-table ikm-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'code' }, ''), h('th', { scope: 'col' }, t('element')),
        h('th', { scope: 'col', class: 'num' }, t('nrr')))),
      h('tbody', {}, (ikm.nrr || []).map((v, i) => h('tr', { dataset: { element: `U${i + 1}` } },
        h('td', { class: 'code' }, `U${i + 1}`), h('th', { scope: 'row' }, names[i] ?? ''),
        h('td', { class: 'num' }, num(v, 3)))))));
  const comments = withComments ? (ikm.comments ?? []).slice(0, COMMENTS_SHOWN) : [];
  if (comments.length) {
    block.append(h('h4', {}, t('ikmComments')),
      h('ul', { class: 'ikm-comments' }, comments.map((c) => h('li', {},
        h('q', {}, c.text), ' ', h('span', { class: 'meta' }, `(${serviceName(c.service)}, ${c.day})`)))));
  }
  return block;
}

/**
 * The SKM section: for a chosen agency that agency; for the hall the hall and then each agency,
 * as the tables above are laid out (with no respondents in the hall at all, one sentence).
 */
async function ikmSection(f) {
  const box = $('ikm');
  try {
    if (f.agency) {
      const name = (hall?.agencies ?? []).find((a) => a.code === f.agency)?.name ?? f.agency;
      box.replaceChildren(ikmBlock(name, f.agency, await statsApi.ikm(f), true));
      return;
    }
    const agencies = hall?.agencies ?? [];
    const [all, ...each] = await Promise.all([statsApi.ikm(f), ...agencies.map((a) => statsApi.ikm({ ...f, agency: a.code }))]);
    box.replaceChildren(ikmBlock(t('reportHall'), 'hall', all, true),
      ...(all.respondents ? agencies.map((a, i) => ikmBlock(a.name, a.code, each[i], false)) : []));
  } catch (err) {
    box.replaceChildren(h('p', { class: 'ikm-missing' }, err instanceof ApiError && err.status === 404 ? t('ikmMissing')
      : t('loadError', err instanceof ApiError ? err.detail || err.code : t('networkError'))));
  }
}

async function load() {
  const month = $('month').value;
  if (!month) {
    return;
  }
  const f = { ...monthRange(month), agency: $('agency').value };
  document.body.dataset.state = 'loading';
  $('heading').textContent = t('reportHeading', monthName(month));
  const hallName = `${hall?.name ?? ''} ${hall?.subtitle ?? ''}`.trim();
  $('intro').textContent = t('reportIntro', hallName, f.from, f.to);
  try {
    const [all, byAgency, byService] = await Promise.all([
      statsApi.summary({ ...f, groupBy: 'hall' }),
      statsApi.summary({ ...f, groupBy: 'agency' }),
      statsApi.summary({ ...f, groupBy: 'service' }),
      ikmSection(f),
    ]);
    drawSummary($('t-hall'), all, { compact: true });
    drawSummary($('t-agencies'), byAgency, { compact: true });
    drawSummary($('t-services'), byService, { compact: true });
    $('signed-out').hidden = true;
    document.body.dataset.state = 'ready';
  } catch (err) {
    document.body.dataset.state = 'error';
    $('signed-out').hidden = false;
    $('signed-out').textContent = err instanceof ApiError && err.status === 401 ? t('sessionEnded')
      : t('loadError', err instanceof ApiError ? err.detail || err.code : t('networkError'));
  }
  const now = new Date();
  $('place-date').textContent = now.toLocaleDateString(t('locale'), { day: 'numeric', month: 'long', year: 'numeric',
    timeZone: hall?.timeZone || undefined });
  $('generated').textContent = t('generatedAt', now.toLocaleString(t('locale'), { timeZone: hall?.timeZone || undefined }));
}

function fillAgencies() {
  const u = session()?.user;
  const all = hall?.agencies ?? [];
  const own = u && (u.role === 'supervisor' || u.role === 'officer') ? all.filter((a) => a.code === u.agency) : all;
  const keep = $('agency').value;
  $('agency').replaceChildren(...(own.length > 1 ? [h('option', { value: '' }, t('all'))] : []),
    ...own.map((a) => h('option', { value: a.code }, a.name)));
  if (own.some((a) => a.code === keep)) {
    $('agency').value = keep;
  }
}

async function init() {
  translate('reportTitle');
  try {
    hall = await statsApi.hall();
    $('hall-name').textContent = `${hall.name ?? ''} ${hall.subtitle ?? ''}`.trim();
  } catch {
    // the figures do not need it
  }
  fillAgencies();
  $('month').addEventListener('change', load);
  $('agency').addEventListener('change', load);
  $('print').addEventListener('click', () => window.print());
  $('lang').addEventListener('click', () => {
    setLang(lang() === 'en' ? 'id' : 'en');
    translate('reportTitle');
    fillAgencies();
    load();
  });
  if (!session()?.token) {
    $('signed-out').hidden = false;
    $('signed-out').append(t('sessionEnded'), ' ', h('a', { href: '/manager/stats' }, t('toStats')));
    document.body.dataset.state = 'signed-out';
    return;
  }
  const asked = new URLSearchParams(location.search).get('month');
  if (asked && /^\d{4}-\d{2}$/.test(asked)) {
    $('month').value = asked;
  } else {
    // last month: the report is written once a month is over
    const today = await serverToday(hall?.timeZone);
    $('month').value = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))).slice(0, 7);
  }
  load();
}

init();
