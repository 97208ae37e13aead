// HTTP to /api/v1 with the officer's token. A press (a state-changing POST) carries one
// requestId for its whole life: after a network error or a 5xx it is retried with the same id,
// and the server answers a repeated id with its first answer, so a press acts at most once.

import { backoff, request as send, retryable, sessionStore, uuid, withRetry } from '/web/common/http.js';
import { Live } from '/web/common/live.js';

const store = sessionStore('antre.counter.session');

export const session = store.get;
export const saveSession = store.save;

const hooks = { unauthorized: () => {}, reachable: () => {} };

/** unauthorized(problem) on any 401; reachable(bool) after every request. */
export function onEvents(h) {
  Object.assign(hooks, h);
}

export function request(method, path, body) {
  return send(method, path, {
    body,
    token: session()?.token,
    onUnauthorized: (err) => hooks.unauthorized(err),
    onReachable: (up) => hooks.reachable(up),
  });
}

export const get = (path) => request('GET', path);

/** Ends the sign-in on the server too (the token is refused from then on); never fails. */
export function logout() {
  return send('POST', '/auth/logout', { token: session()?.token }).catch(() => null);
}

/**
 * The live WebSocket of a terminal (see common/live.js). It comes back sooner than a wall screen:
 * 0.3 s, 0.6 s, 1.2 s ... up to 5 s, because an officer is waiting at it.
 */
export function live(subscription, onMessage, onConnection) {
  return new Live(subscription, onMessage, onConnection, { firstRetryMs: 300, maxRetryMs: 5000 });
}

/**
 * One press of a button: POST with a fresh requestId, retried with that same id (0.4 s, 0.8 s,
 * 1.6 s, then every 3 s) until the server gives an answer that is not "unreachable" or the
 * officer signed out. onRetry is told each time it waits.
 */
export function press(path, body = {}, onRetry = () => {}) {
  const requestId = uuid();
  return withRetry(() => request('POST', path, { ...body, requestId }), {
    delayMs: backoff(400, 3000),
    shouldRetry: (e) => retryable(e) && Boolean(session()),
    onRetry,
  });
}
