// What the monitor needs from the server: /api/v1 with the manager's token and the ticket preview
// as an image (see common/http.js; the live WebSocket is common/live.js).

import { request, sessionStore } from '/web/common/http.js';

const store = sessionStore('antre.manager.session');

/** The signed-in user of this tab: {token, user:{username, role, agency, displayName}}, or null. */
export const session = store.get;
export const saveSession = store.save;

let onUnauthorized = () => {};

/** Called with the ApiError of any 401 outside the sign-in itself (the token expired or was revoked). */
export function whenUnauthorized(f) {
  onUnauthorized = f;
}

function send(method, path, body, accept) {
  return request(method, path, { body, accept, token: session()?.token, onUnauthorized: (err) => onUnauthorized(err) });
}

export const api = {
  login: (username, password) => send('POST', '/auth/login', { username, password }),
  /** Ends the sign-in on the server too; the page signs out locally whatever the answer. */
  logout: () => request('POST', '/auth/logout', { token: session()?.token }).catch(() => null),
  hall: () => send('GET', '/hall'),
  queues: () => send('GET', '/queues'),
  counters: () => send('GET', '/counters'),
  printers: () => send('GET', '/printers'),
  /** Sets the wall displays' running text; an empty text restores the hall file's. */
  runningText: (text) => send('PUT', '/hall/running-text', { text }),
  cancelJob: (job) => send('POST', `/print-jobs/${encodeURIComponent(job)}/cancel`, {}),
  /** The ticket as the printer prints it: a PNG blob (an <img> cannot send the bearer token itself). */
  preview: (job, paper) => send('GET', `/print-jobs/${encodeURIComponent(job)}/preview.png?paper=${paper}`,
    undefined, 'image/png'),
};
