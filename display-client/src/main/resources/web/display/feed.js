// The display's live feed over the server's WebSocket: subscribes, reconnects with backoff,
// resumes with `since` so no call is missed, and resyncs when a heartbeat shows a call it never
// got. It knows nothing about the screen: it hands every message to onMessage.

import { withClient } from '/web/common/live.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
const BACKOFF_MAX_MS = 10000;
/** Heartbeats come every 15 s; this long without any message means the socket is dead. */
const SILENCE_MS = 40000;
const PING_MS = 20000;
/** How long a heartbeat may announce a seq we have not seen before we ask for it. */
const GAP_GRACE_MS = 3000;
/** The server closes a consumer that fell behind with this code: come back at once with since. */
const RESYNC_CLOSE = 4001;
/** A node that stops closes with this code: come back at once (a proxy sends us to another node). */
const GOING_AWAY = 1001;

export class Feed {
  /**
   * @param {object} o
   * @param {string} o.url WebSocket URL
   * @param {string} o.callsTopic `calls` or `calls:zone:<zone>`
   * @param {string[]} o.otherTopics snapshot-and-event topics such as `queues`, `counters`, `hall`
   * @param {() => number|null} o.since seq of the last call handled, or null for none yet
   * @param {() => string|null} o.token the display's device token, or null for none
   * @param {(msg: object) => void} o.onMessage every server message
   * @param {(connected: boolean) => void} o.onStatus
   */
  constructor(o) {
    Object.assign(this, o);
    this.ws = null;
    this.attempt = 0;
    this.knownSeq = 0; // the newest call seq the server told us about, in any zone
    this.gapTimer = null;
    this.silenceTimer = null;
    this.pingTimer = null;
    this.connected = false;
    this.resyncs = 0;
  }

  start() {
    this.connect();
  }

  connect() {
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.subscribe([this.callsTopic, ...this.otherTopics]);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
      this.touch();
    };
    ws.onmessage = (ev) => {
      this.touch();
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      this.handle(msg);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) {
        return;
      }
      this.ws = null;
      clearInterval(this.pingTimer);
      clearTimeout(this.silenceTimer);
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
      this.setConnected(false);
      if (ev.code === RESYNC_CLOSE || ev.code === GOING_AWAY) {
        this.attempt = 0;
      }
      this.scheduleReconnect();
    };
    ws.onerror = () => {
      // onclose follows and does the work
    };
  }

  scheduleReconnect() {
    const base = this.attempt < BACKOFF_MS.length ? BACKOFF_MS[this.attempt] : BACKOFF_MAX_MS;
    this.attempt += 1;
    // a little jitter so a hall full of screens does not knock on the door at the same moment
    setTimeout(() => this.connect(), base + Math.random() * base * 0.25);
  }

  subscribe(topics) {
    const since = this.since();
    const msg = { type: 'subscribe', topics };
    if (since != null) {
      msg.since = since;
    }
    const token = this.token?.();
    if (token) {
      msg.token = token;
    }
    this.send(withClient(msg));
  }

  send(obj) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(obj));
    }
  }

  handle(msg) {
    switch (msg.type) {
      case 'snapshot':
        if (msg.topic === this.callsTopic) {
          this.seen(msg.seq);
          this.attempt = 0;
          this.setConnected(true);
        }
        break;
      case 'call':
        this.seen(msg.seq);
        break;
      case 'heartbeat':
      case 'pong':
        this.checkGap(msg.seq);
        break;
      default:
        break;
    }
    this.onMessage(msg);
  }

  seen(seq) {
    if (typeof seq === 'number' && seq > this.knownSeq) {
      this.knownSeq = seq;
    }
  }

  /**
   * seq numbers are shared by every zone, so a bigger seq is often another zone's call. Only the
   * server can tell: ask again with since once the gap has lasted a moment (a call in flight
   * arrives first on the same socket, so a short grace is enough).
   */
  checkGap(seq) {
    if (typeof seq !== 'number' || seq <= this.knownSeq || this.gapTimer) {
      return;
    }
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (seq > this.knownSeq && this.connected) {
        this.resyncs += 1;
        this.subscribe([this.callsTopic]);
      }
    }, GAP_GRACE_MS);
  }

  touch() {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      if (this.ws) {
        this.ws.close();
      }
    }, SILENCE_MS);
  }

  setConnected(c) {
    if (this.connected !== c) {
      this.connected = c;
      this.onStatus(c);
    }
  }
}
