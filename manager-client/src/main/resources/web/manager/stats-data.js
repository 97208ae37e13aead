// What the statistics pages ask the server, and the date arithmetic of the period presets, in the
// hall's time zone (service days are the hall's calendar days).

import { request, sessionStore } from '/web/common/http.js';
import { hallFields } from '/web/common/time.js';

const store = sessionStore('antre.manager.session'); // one sign-in with the monitor in this tab
export const session = store.get;
export const saveSession = store.save;

let onUnauthorized = () => {};
export function whenUnauthorized(f) {
  onUnauthorized = f;
}

function send(method, path, body, accept) {
  // a year's figures may take a second or two on a busy machine: more than the default 8 s is not needed
  return request(method, path, { body, accept, token: session()?.token, timeoutMs: 30000,
    onUnauthorized: (err) => onUnauthorized(err) });
}

/** The query string of a filter {from, to, agency, service, groupBy, ...}; empty values left out. */
export function query(filter) {
  const p = new URLSearchParams();
  Object.entries(filter).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== '') {
      p.set(k, v);
    }
  });
  return p.toString();
}

export const statsApi = {
  login: (username, password) => send('POST', '/auth/login', { username, password }),
  logout: () => request('POST', '/auth/logout', { token: session()?.token }).catch(() => null),
  hall: () => send('GET', '/hall'),
  summary: (f) => send('GET', `/stats/summary?${query(f)}`),
  heatmap: (f) => send('GET', `/stats/heatmap?${query(f)}`),
  histogram: (f) => send('GET', `/stats/histogram?${query(f)}`),
  officers: (f) => send('GET', `/stats/officers?${query(f)}`),
  bookings: (f) => send('GET', `/stats/bookings?${query(f)}`),
  ikm: (f) => send('GET', `/stats/ikm?${query(f)}`),
  /** The summary as a file (csv or xlsx): a Blob, fetched with the token and saved by the browser. */
  download: (f, format) => send('GET', `/stats/summary?${query({ ...f, format })}`, undefined,
    format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
};

const pad = (n) => String(n).padStart(2, '0');
/** A calendar day as "YYYY-MM-DD"; days are plain UTC dates here, so no zone shifts them. */
export const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (y, m, d) => new Date(Date.UTC(y, m, d));

/** Today in the hall's zone, as a UTC date, by this device's clock. */
export function hallToday(timeZone, now = new Date()) {
  const f = hallFields(now, timeZone);
  return day(f.year, f.month, f.day);
}

/**
 * Today's service day as the server counts it (a summary without a range covers today), so the
 * presets agree with the server whatever this device's clock says; the device's clock otherwise.
 */
export async function serverToday(timeZone) {
  try {
    const s = await statsApi.summary({});
    const [y, m, d] = s.from.split('-').map(Number);
    return day(y, m - 1, d);
  } catch {
    return hallToday(timeZone);
  }
}

/** The range of a preset: today, yesterday, week (Monday to today), month, lastMonth. */
export function presetRange(preset, today) {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const d = today.getUTCDate();
  switch (preset) {
    case 'yesterday': return { from: iso(day(y, m, d - 1)), to: iso(day(y, m, d - 1)) };
    case 'week': return { from: iso(day(y, m, d - ((today.getUTCDay() + 6) % 7))), to: iso(today) };
    case 'month': return { from: iso(day(y, m, 1)), to: iso(today) };
    case 'lastMonth': return { from: iso(day(y, m - 1, 1)), to: iso(day(y, m, 0)) };
    default: return { from: iso(today), to: iso(today) };
  }
}

/** Downloads a Blob under a file name. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
