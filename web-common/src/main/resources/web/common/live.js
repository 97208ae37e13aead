// The live WebSocket to /ws: subscribe on every (re)connect, reconnect after growing pauses, a
// watchdog that drops a line gone silent, and (where a page wants it) a ping that keeps a quiet
// line open. Events sent while a page was away are not replayed, but the server answers every
// subscribe with a fresh snapshot per topic, so a page that redraws from snapshots misses nothing.
// (The wall display resumes with `since` instead and keeps its own feed: display/feed.js.)
// A node that stops (SIGTERM) closes with 1001 "going away": the page comes back at once, and
// whatever answers at this address (a reverse proxy in front of a cluster) takes it to a node that
// is still up. A page that said what it is (client.js) names itself in every subscribe.

import { client } from './client.js';

/** Close code of a server that is stopping: reconnect at once, without the growing pause. */
export const GOING_AWAY = 1001;

/** ws:// or wss:// to this server's /ws, matching the page. */
export function wsUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** A subscribe message with the page's `client` added, when the page said what it is. */
export function withClient(msg) {
  return client() && msg.type === 'subscribe' && msg.client === undefined ? { ...msg, client: client() } : msg;
}

export class Live {
  /**
   * @param {() => object} subscription the subscribe message to send on every connect
   * @param {(msg: object) => void} onMessage every message from the server, parsed
   * @param {(connected: boolean) => void} onConnection true once subscribed, false when the line drops
   * @param {object} [o]
   * @param {number} [o.firstRetryMs] the first pause before reconnecting; it doubles on every failure
   * @param {number} [o.maxRetryMs] the longest pause
   * @param {boolean} [o.jitter] wait between half and all of the pause, so a hall of screens and
   *   terminals does not reconnect in step
   * @param {number} [o.watchdogMs] close a line silent this long; 0 for no watchdog. Heartbeats come
   *   every 15 s, so 40 s is two missed.
   * @param {number} [o.pingMs] send {"type":"ping"} this often; 0 for never
   */
  constructor(subscription, onMessage, onConnection = () => {}, {
    firstRetryMs = 500, maxRetryMs = 15000, jitter = true, watchdogMs = 40000, pingMs = 0,
  } = {}) {
    this.subscription = subscription;
    this.onMessage = onMessage;
    this.onConnection = onConnection;
    this.options = { firstRetryMs, maxRetryMs, jitter, watchdogMs, pingMs };
    this.ws = null;
    this.attempt = 0;
    this.stopped = true;
    this.lastSeen = 0;
    this.retryTimer = 0;
    this.watchdog = 0;
    this.pingTimer = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
    const { watchdogMs } = this.options;
    if (watchdogMs) {
      this.watchdog = setInterval(() => {
        if (this.ws && this.ws.readyState === WebSocket.OPEN && Date.now() - this.lastSeen > watchdogMs) {
          this.ws.close();
        }
      }, 5000);
    }
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    clearInterval(this.pingTimer);
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
    let ws;
    try {
      ws = new WebSocket(wsUrl());
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.lastSeen = Date.now();
      ws.send(JSON.stringify(withClient(this.subscription())));
      this.onConnection(true);
      if (this.options.pingMs) {
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), this.options.pingMs);
      }
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
    ws.onclose = (ev) => {
      if (this.ws === ws) {
        this.ws = null;
        clearInterval(this.pingTimer);
        this.onConnection(false);
        if (ev.code === GOING_AWAY) {
          this.attempt = 0;
        }
        this.retry();
      }
    };
  }

  retry() {
    if (this.stopped) {
      return;
    }
    const { firstRetryMs, maxRetryMs, jitter } = this.options;
    const base = Math.min(maxRetryMs, firstRetryMs * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), jitter ? base / 2 + Math.random() * base / 2 : base);
  }
}
