// HTTP to /api/v1 for every page: JSON in and out, the bearer token, a refusal (problem+json) as
// ApiError, a server that could not be reached (or did not answer in time) as NetworkError, and
// the one retry loop (withRetry) the pages use for requests that must get through. A page that
// said what it is (client.js) names itself in every request.

import { client, CLIENT_HEADER } from './client.js';

const JSON_TYPE = 'application/json';
const TIMEOUT_MS = 8000;

/** The server refused: the fields of its problem+json answer ('' where it gave none). */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || '';
    this.detail = problem.detail || '';
    this.title = problem.title || '';
    /** The whole problem, for the fields some refusals add (e.g. when a window opens). */
    this.problem = problem;
    /** Seconds from a 429's Retry-After, else 0. */
    this.retryAfter = 0;
  }
}

/** The server could not be reached (or did not answer in time). */
export class NetworkError extends Error {}

/** Nothing was decided by the server, so the same request (with the same requestId) may be sent again. */
export function retryable(e) {
  return e instanceof NetworkError || (e instanceof ApiError && e.status >= 502 && e.status <= 504);
}

/** Waits of firstMs, twice that, four times ... at most maxMs: a delayMs for withRetry. */
export function backoff(firstMs, maxMs) {
  return (attempt) => Math.min(firstMs * 2 ** (attempt - 1), maxMs);
}

/**
 * The answer of send(), sent again after a wait while it fails for a reason a retry may fix.
 * send must repeat the same request (the same requestId), so the server acts on it at most once.
 *
 * @template T
 * @param {() => Promise<T>} send
 * @param {object} [o]
 * @param {number} [o.attempts] at most this many sends; unbounded by default
 * @param {(attempt: number) => number} [o.delayMs] the wait after the attempt-th failure
 * @param {(err: Error) => boolean} [o.shouldRetry] retryable() by default
 * @param {(err: Error, attempt: number) => void} [o.onRetry] told before each wait
 * @returns {Promise<T>} or the last error
 */
export async function withRetry(send, {
  attempts = Infinity, delayMs = backoff(400, 3000), shouldRetry = retryable, onRetry = () => {},
} = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= attempts || !shouldRetry(e)) {
        throw e;
      }
      onRetry(e, attempt);
      await new Promise((r) => setTimeout(r, delayMs(attempt)));
    }
  }
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * One request to /api/v1. The answer is the parsed JSON (null for 204 or an empty body), or a
 * Blob when accept names another type (an <img> cannot send the bearer token itself).
 *
 * @param {object} [o]
 * @param {*} [o.body] sent as JSON
 * @param {string} [o.token] sent as the bearer token
 * @param {string} [o.accept] 'application/json' unless a Blob is wanted
 * @param {number} [o.timeoutMs] 8 s by default; 0 waits as long as the browser does
 * @param {(err: ApiError) => void} [o.onUnauthorized] any 401 outside the sign-in itself
 * @param {(up: boolean) => void} [o.onReachable] after every request
 */
export async function request(method, path, {
  body, token, accept = JSON_TYPE, timeoutMs = TIMEOUT_MS, onUnauthorized = () => {}, onReachable = () => {},
} = {}) {
  const headers = { Accept: accept };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (client()) {
    headers[CLIENT_HEADER] = client();
  }
  if (body !== undefined) {
    headers['Content-Type'] = JSON_TYPE;
  }
  const abort = new AbortController();
  const timer = timeoutMs ? setTimeout(() => abort.abort(), timeoutMs) : 0;
  let res;
  let payload;
  try {
    res = await fetch(`/api/v1${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      signal: abort.signal,
    });
    payload = res.ok && accept !== JSON_TYPE ? await res.blob() : await res.text();
  } catch (e) {
    onReachable(false);
    throw new NetworkError(e.message);
  } finally {
    clearTimeout(timer);
  }
  onReachable(true);
  if (!res.ok) {
    const err = new ApiError(res.status, parseJson(payload) || {});
    err.retryAfter = Number(res.headers.get('Retry-After')) || 0;
    if (res.status === 401 && path !== '/auth/login') {
      onUnauthorized(err);
    }
    throw err;
  }
  if (accept !== JSON_TYPE) {
    return payload;
  }
  return res.status === 204 ? null : parseJson(payload);
}

/** The signed-in user of this tab ({token, user, ...}), kept in sessionStorage under key. */
export function sessionStore(key) {
  return {
    get() {
      try {
        return JSON.parse(sessionStorage.getItem(key));
      } catch {
        return null;
      }
    },
    save(s) {
      if (s) {
        sessionStorage.setItem(key, JSON.stringify(s));
      } else {
        sessionStorage.removeItem(key);
      }
    },
  };
}

/**
 * A random UUID, for request ids. crypto.randomUUID exists only on https or localhost; a kiosk or
 * terminal on the hall's LAN (http://10.x) is neither, while getRandomValues works everywhere.
 */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
