// The live WebSocket: subscribe, heartbeats, reconnect with backoff. The caller re-reads its
// state on every (re)connect, because events sent while it was away are not replayed.

const WATCHDOG_MS = 40000; // heartbeats come every 15 s; two missed means the line is dead

export class Live {
  /**
   * @param {() => object} subscription the subscribe message to send on every connect
   * @param {(msg: object) => void} onMessage every message from the server
   * @param {(connected: boolean) => void} onConnection connection changes
   */
  constructor(subscription, onMessage, onConnection) {
    this.subscription = subscription;
    this.onMessage = onMessage;
    this.onConnection = onConnection;
    this.ws = null;
    this.attempt = 0;
    this.stopped = true;
    this.lastSeen = 0;
    this.retryTimer = null;
    this.watchdog = null;
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
    // 0.3 s, 0.6 s, 1.2 s ... up to 5 s, with jitter so a hall of terminals does not reconnect in step
    const base = Math.min(5000, 300 * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), base / 2 + Math.random() * base / 2);
  }
}
