// What the visitor pages need from the server: the API v1 calls, the live WebSocket, and two
// small helpers (request ids, DOM building) shared by the kiosk and the phone page.

/** An answer that was not 2xx: the problem+json fields, or a network failure (status 0). */
export class Problem extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** Nothing was decided by the server: the same request may be sent again. */
  get retryable() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

async function call(method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new Problem(0, 'NETWORK', e.message);
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!res.ok) {
    throw new Problem(res.status, json?.code, json?.detail || json?.title);
  }
  return json;
}

export const api = {
  hall: () => call('GET', '/hall'),
  issue: (token, body) => call('POST', '/tickets', { token, body }),
  ticket: (trackingToken) => call('GET', `/tickets/${encodeURIComponent(trackingToken)}`),
  cancel: (trackingToken) => call('POST', `/tickets/${encodeURIComponent(trackingToken)}/cancel`, { body: {} }),
};

/**
 * A random UUID. crypto.randomUUID exists only on https or localhost; a kiosk on the hall's LAN
 * is neither, while getRandomValues works everywhere.
 */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A WebSocket to /ws that subscribes on every (re)connect and reconnects with a growing pause.
 * The server sends a fresh snapshot per topic on each subscribe, so nothing is missed.
 *
 * @param subscription the subscribe message ({type:"subscribe", topics, token?})
 * @param onMessage called with each parsed server message
 * @param onState called with true when subscribed, false when the socket is down
 */
export function live(subscription, onMessage, onState = () => {}) {
  let ws = null;
  let delay = 1000;
  let stopped = false;
  let pingTimer = 0;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${scheme}://${location.host}/ws`);
    ws.onopen = () => {
      delay = 1000;
      ws.send(JSON.stringify(subscription));
      onState(true);
      // a quiet socket through a NAT or proxy may die silently: a ping now and then keeps it honest
      pingTimer = setInterval(() => ws.readyState === 1 && ws.send('{"type":"ping"}'), 25000);
    };
    ws.onmessage = (e) => {
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      onMessage(msg);
    };
    ws.onclose = () => {
      clearInterval(pingTimer);
      onState(false);
      if (!stopped) {
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 15000);
      }
    };
    ws.onerror = () => ws.close();
  };
  connect();
  return {
    close() {
      stopped = true;
      ws?.close();
    },
  };
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
