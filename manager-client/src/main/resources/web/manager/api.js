// What the monitor needs from the server: /api/v1 with the manager's token, the ticket preview as
// an image, and the live WebSocket (subscribe on every connect, reconnect with backoff).

const SESSION_KEY = 'antre.manager.session';
const TIMEOUT_MS = 8000;

/** The server refused: a problem+json answer. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || '';
    this.detail = problem.detail || '';
  }
}

/** The server could not be reached (or did not answer in time). */
export class NetworkError extends Error {}

let onUnauthorized = () => {};

/** Called with the ApiError of any 401 outside the sign-in itself (the token expired or was revoked). */
export function whenUnauthorized(f) {
  onUnauthorized = f;
}

/** The signed-in user of this tab: {token, user:{username, role, agency, displayName}}, or null. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

export function saveSession(s) {
  if (s) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

async function send(method, path, body, accept = 'application/json') {
  const headers = { Accept: accept };
  const token = session()?.token;
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let res;
  try {
    res = await fetch(`/api/v1${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      signal: abort.signal,
    });
    if (!res.ok) {
      let problem = {};
      try {
        problem = JSON.parse(await res.text());
      } catch {
        problem = {};
      }
      const err = new ApiError(res.status, problem);
      if (res.status === 401 && path !== '/auth/login') {
        onUnauthorized(err);
      }
      throw err;
    }
    return accept === 'application/json' ? (res.status === 204 ? null : await res.json()) : await res.blob();
  } catch (e) {
    if (e instanceof ApiError) {
      throw e;
    }
    throw new NetworkError(e.message);
  } finally {
    clearTimeout(timer);
  }
}

export const api = {
  login: (username, password) => send('POST', '/auth/login', { username, password }),
  hall: () => send('GET', '/hall'),
  queues: () => send('GET', '/queues'),
  counters: () => send('GET', '/counters'),
  printers: () => send('GET', '/printers'),
  cancelJob: (job) => send('POST', `/print-jobs/${encodeURIComponent(job)}/cancel`, {}),
  /** The ticket as the printer prints it: a PNG blob (an <img> cannot send the bearer token itself). */
  preview: (job, paper) => send('GET', `/print-jobs/${encodeURIComponent(job)}/preview.png?paper=${paper}`,
    undefined, 'image/png'),
};

const WATCHDOG_MS = 40000; // the server sends a heartbeat every 15 s: two missed means the line is dead

/**
 * The live WebSocket. subscription() gives the subscribe message for every (re)connect; the
 * server answers each topic with a fresh snapshot, so nothing is missed while away.
 */
export class Live {
  constructor(subscription, onMessage, onConnection) {
    this.subscription = subscription;
    this.onMessage = onMessage;
    this.onConnection = onConnection;
    this.ws = null;
    this.attempt = 0;
    this.stopped = true;
    this.lastSeen = 0;
    this.retryTimer = 0;
    this.watchdog = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
    this.watchdog = setInterval(() => {
      if (this.ws && this.ws.readyState === WebSocket.OPEN && Date.now() - this.lastSeen > WATCHDOG_MS) {
        this.ws.close();
      }
    }, 5000);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.close();
      this.ws = null;
    }
  }

  /** Sends now if connected; a message lost while down is covered by the next subscribe. */
  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(msg));
    }
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.lastSeen = Date.now();
      ws.send(JSON.stringify(this.subscription()));
      this.onConnection(true);
    };
    ws.onmessage = (e) => {
      this.lastSeen = Date.now();
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch {
        return;
      }
      this.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws === ws) {
        this.ws = null;
        this.onConnection(false);
        this.retry();
      }
    };
  }

  retry() {
    if (this.stopped) {
      return;
    }
    // 0.5 s, 1 s, 2 s ... up to 15 s, with jitter so the hall's screens do not reconnect in step
    const base = Math.min(15000, 500 * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), base / 2 + Math.random() * base / 2);
  }
}

/**
 * Builds an element: h('p', {class: 'x', onclick: f}, 'text', child). Text is always set as
 * text, never parsed as HTML, so nothing from the server can inject markup.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
