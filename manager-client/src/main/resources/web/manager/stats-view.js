// Drawing the statistics: the tiles (with the change against the previous period), the summary
// table and the officer table. Numbers are right-aligned in tabular figures (stats.css).

import { h } from '/web/common/dom.js';
import { t, num, label } from './stats-messages.js';

/** A group's display name: channels and priorities translated, the rest as the server names it. */
export function rowName(groupBy, row) {
  if (groupBy === 'channel') {
    return label('channels', row.key);
  }
  if (groupBy === 'priority') {
    return label('priorities', row.key);
  }
  if (groupBy === 'hour') {
    return `${row.key}.00–${String(Number(row.key) + 1).padStart(2, '0')}.00`;
  }
  return row.name || row.key || '—';
}

/** Adds up rows into one (counts only; times cannot be summed): for tiles when the server gave groups. */
function delta(now, before, digits = 0) {
  if (before === null || before === undefined || now === null || now === undefined) {
    return null;
  }
  const d = Number((now - before).toFixed(digits));
  return d === 0 ? null : d;
}

export function drawTiles(dl, hallRow, previousRow) {
  const r = hallRow || {};
  const p = previousRow;
  const w = r.waitMinutes || {};
  const s = r.serviceMinutes || {};
  const tiles = [
    ['issued', num(r.issued ?? 0), delta(r.issued ?? 0, p ? p.issued ?? 0 : null)],
    ['served', num(r.served ?? 0), delta(r.served ?? 0, p ? p.served ?? 0 : null)],
    ['noShow', num(r.noShow ?? 0), delta(r.noShow ?? 0, p ? p.noShow ?? 0 : null)],
    ['cancelled', num(r.cancelled ?? 0), null],
    ['transferred', num(r.transferred ?? 0), null],
    ['waitMean', w.mean == null ? '—' : t('minutes', num(w.mean, 1)), delta(w.mean, p?.waitMinutes?.mean, 1)],
    ['waitP90', w.p90 == null ? '—' : t('minutes', num(w.p90, 1)), delta(w.p90, p?.waitMinutes?.p90, 1)],
    ['serviceMean', s.mean == null ? '—' : t('minutes', num(s.mean, 1)), delta(s.mean, p?.serviceMinutes?.mean, 1)],
    ['withinTarget', r.withinTargetPct == null ? '—' : `${num(r.withinTargetPct, 1)} %`,
      delta(r.withinTargetPct, p?.withinTargetPct, 1)],
  ];
  dl.replaceChildren(...tiles.map(([key, value, d]) => h('div', { class: 'tile', dataset: { tile: key } },
    h('dt', {}, t(`tiles.${key}`)),
    h('dd', {}, value),
    d === null ? null : h('dd', { class: `delta ${d > 0 ? 'up' : 'down'}` }, t('delta', num(d, Number.isInteger(d) ? 0 : 1))))));
}

const ALL_COUNTS = ['issued', 'served', 'noShow', 'cancelled', 'transferred', 'expired'];
const TIME_COLUMNS = ['mean', 'p50', 'p90', 'max'];

/** The summary table; compact (the printed report) leaves out the expired column, 0 until that status exists. */
export function drawSummary(table, summary, { compact = false } = {}) {
  const COUNT_COLUMNS = compact ? ALL_COUNTS.filter((c) => c !== 'expired') : ALL_COUNTS;
  const head1 = h('tr', {},
    h('th', { scope: 'col', rowspan: 2 }, t('col.name')),
    h('th', { scope: 'colgroup', colspan: COUNT_COLUMNS.length, class: 'group' }, t('countGroup')),
    h('th', { scope: 'colgroup', colspan: 4, class: 'group' }, t('waitGroup')),
    h('th', { scope: 'colgroup', colspan: 4, class: 'group' }, t('serviceGroup')),
    h('th', { scope: 'col', rowspan: 2, class: 'num' }, t('col.withinTarget')));
  const head2 = h('tr', {},
    COUNT_COLUMNS.map((c) => h('th', { scope: 'col', class: 'num' }, t(`col.${c}`))),
    ['waitMean', 'waitP50', 'waitP90', 'waitMax', 'serviceMean', 'serviceP50', 'serviceP90', 'serviceMax']
      .map((c) => h('th', { scope: 'col', class: 'num' }, t(`col.${c}`))));
  const rows = summary.rows.map((r) => h('tr', { dataset: { key: r.key } },
    h('th', { scope: 'row' }, rowName(summary.groupBy, r)),
    COUNT_COLUMNS.map((c) => h('td', { class: 'num' }, num(r[c]))),
    TIME_COLUMNS.map((c) => h('td', { class: 'num' }, num(r.waitMinutes[c], 1))),
    TIME_COLUMNS.map((c) => h('td', { class: 'num' }, num(r.serviceMinutes[c], 1))),
    h('td', { class: 'num' }, r.withinTargetPct == null ? '—' : `${num(r.withinTargetPct, 1)} %`)));
  const body = rows.length ? rows
    : [h('tr', {}, h('td', { colspan: COUNT_COLUMNS.length + 10, class: 'empty' }, t('noData')))];
  table.replaceChildren(h('thead', {}, head1, head2), h('tbody', {}, body));
}

const BOOKING_COUNTS = ['booked', 'cancelled', 'checkedIn', 'noShow', 'open'];

/** Bookings per service (by booking day); the no-show rate as the server computes it. */
export function drawBookings(table, bookings) {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('bk.name')),
    [...BOOKING_COUNTS, 'noShowPct'].map((c) => h('th', { scope: 'col', class: 'num' }, t(`bk.${c}`))));
  const rows = bookings.rows.map((r) => h('tr', { dataset: { service: r.service } },
    h('th', { scope: 'row' }, r.name || r.service),
    BOOKING_COUNTS.map((c) => h('td', { class: 'num', dataset: { col: c } }, num(r[c]))),
    h('td', { class: 'num', dataset: { col: 'noShowPct' } }, r.noShowPct == null ? '—' : `${num(r.noShowPct, 1)} %`)));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows.length ? rows
    : [h('tr', {}, h('td', { colspan: BOOKING_COUNTS.length + 2, class: 'empty' }, t('noBookings')))]));
}

export function drawOfficers(table, officers) {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('off.name')),
    ['served', 'serviceMean', 'open', 'paused', 'idle'].map((c) => h('th', { scope: 'col', class: 'num' }, t(`off.${c}`))),
    h('th', { scope: 'col' }, t('off.pauses')));
  const rows = officers.rows.map((o) => h('tr', { dataset: { officer: o.officer } },
    h('th', { scope: 'row' }, o.name || o.officer),
    h('td', { class: 'num' }, num(o.served)),
    h('td', { class: 'num' }, o.serviceMinutesMean == null ? '—' : t('minutes', num(o.serviceMinutesMean, 1))),
    h('td', { class: 'num' }, t('hours', o.openMinutes)),
    h('td', { class: 'num' }, t('hours', o.pausedMinutes)),
    h('td', { class: 'num' }, o.idlePct == null ? '—' : `${num(o.idlePct, 1)} %`),
    h('td', { class: 'pauses' }, o.pauses.map((p) => t('pauseItem', p.reason, num(p.times), num(p.minutes, 0))).join('; '))));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows.length ? rows
    : [h('tr', {}, h('td', { colspan: 7, class: 'empty' }, t('noData')))]));
}
