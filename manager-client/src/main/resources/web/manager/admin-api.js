// What the administration pages ask of /api/v1, with the manager pages' sign-in of this tab
// (sessionStorage 'antre.manager.session': one sign-in for the monitor, statistics and admin).

import { request } from '/web/common/http.js';
import { session, saveSession } from './api.js';

export { session, saveSession };

let onUnauthorized = () => {};

/** Called with the ApiError of any 401 outside the sign-in itself. */
export function whenUnauthorized(f) {
  onUnauthorized = f;
}

function send(method, path, body, accept) {
  return request(method, path, { body, accept, token: session()?.token, onUnauthorized: (err) => onUnauthorized(err) });
}

const enc = encodeURIComponent;

export const adminApi = {
  login: (username, password) => send('POST', '/auth/login', { username, password }),
  logout: () => request('POST', '/auth/logout', { token: session()?.token }).catch(() => null),
  hall: () => send('GET', '/hall'),
  users: () => send('GET', '/users'),
  createUser: (user) => send('POST', '/users', user),
  updateUser: (username, change) => send('PATCH', `/users/${enc(username)}`, change),
  devices: () => send('GET', '/devices'),
  registerDevice: (device) => send('POST', '/devices', device),
  rotateDevice: (id) => send('POST', `/devices/${enc(id)}/rotate`),
  revokeDevice: (id) => send('DELETE', `/devices/${enc(id)}`),
  /** query: {from, to, actor?, action?}; csv: a Blob of the same entries. */
  audit: (query, csv = false) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    if (csv) {
      q.set('format', 'csv');
    }
    return send('GET', `/audit?${q}`, undefined, csv ? 'text/csv' : undefined);
  },
};
