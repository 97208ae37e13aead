// HTTP to /api/v1 with the officer's token. A press (a state-changing POST) carries one
// requestId for its whole life: after a network error or a 5xx it is retried with the same id,
// and the server answers a repeated id with its first answer, so a press acts at most once.

const TOKEN_KEY = 'antre.counter.session';
const TIMEOUT_MS = 8000;

/** The server refused: a problem+json answer. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || '';
    this.detail = problem.detail || '';
    this.title = problem.title || '';
  }
}

/** The server could not be reached (or did not answer in time). */
export class NetworkError extends Error {}

const hooks = { unauthorized: () => {}, reachable: () => {} };

/** unauthorized(problem) on any 401; reachable(bool) after every request. */
export function onEvents(h) {
  Object.assign(hooks, h);
}

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKEN_KEY));
  } catch {
    return null;
  }
}

export function saveSession(s) {
  if (s) {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(s));
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** A random UUID; crypto.randomUUID needs a secure context, which a hall LAN (http://10.x) is not. */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const s = session();
  if (s?.token) {
    headers.Authorization = `Bearer ${s.token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let res;
  let text;
  try {
    res = await fetch(`/api/v1${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      signal: abort.signal,
    });
    text = await res.text();
  } catch (e) {
    hooks.reachable(false);
    throw new NetworkError(e.message);
  } finally {
    clearTimeout(timer);
  }
  hooks.reachable(true);
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = new ApiError(res.status, json || {});
    if (res.status === 401 && path !== '/auth/login') {
      hooks.unauthorized(err);
    }
    throw err;
  }
  return res.status === 204 ? null : json;
}

export const get = (path) => request('GET', path);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function retriable(e) {
  return e instanceof NetworkError || (e instanceof ApiError && e.status >= 502 && e.status <= 504);
}

/**
 * One press of a button: POST with a fresh requestId, retried with that same id until the
 * server gives an answer that is not "unreachable". onRetry is told each time it waits.
 */
export async function press(path, body = {}, onRetry = () => {}) {
  const requestId = uuid();
  let delay = 400;
  for (;;) {
    try {
      return await request('POST', path, { ...body, requestId });
    } catch (e) {
      if (!retriable(e) || !session()) {
        throw e;
      }
      onRetry(e);
      await sleep(delay);
      delay = Math.min(delay * 2, 3000);
    }
  }
}
