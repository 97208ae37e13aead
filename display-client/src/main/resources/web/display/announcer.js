// The voice of the display: one announcement at a time, in call order. Each announcement plays
// the clips the server chose (chime first) one after another; when a clip cannot be loaded it
// says the announcement text with Web Speech instead. A browser that blocks audio until a click
// pauses the queue until resume() is called from that click.

/** Announcements that waited this long behind others are dropped: the screen already showed them. */
const STALE_MS = 3 * 60 * 1000;
const PAUSE_BETWEEN_MS = 700;
const CLIP_LOAD_TIMEOUT_MS = 10000;
/**
 * Clips that loaded, reused for every announcement: a TV that runs all day must not create
 * thousands of media players (Chromium caps them), and the second call plays without a fetch.
 */
const clipCache = new Map();

export class Announcer {
  /**
   * @param {object} o
   * @param {object} o.player {play(call) => Promise} rejects with a NotAllowedError when blocked
   * @param {(call) => void} o.onStart the announcement of this call begins
   * @param {() => void} o.onBlocked audio is blocked until a user gesture
   * @param {() => void} o.onChange the queue changed (for the test hooks)
   */
  constructor(o) {
    Object.assign(this, o);
    this.queue = [];
    this.announced = [];
    this.skipped = [];
    this.busy = false;
    this.blocked = false;
  }

  enqueue(call) {
    this.queue.push({ call, queuedAt: performance.now() });
    this.onChange();
    this.pump();
  }

  /** Called from the click that lifts the browser's audio block. */
  resume() {
    this.blocked = false;
    this.pump();
  }

  async pump() {
    if (this.busy || this.blocked) {
      return;
    }
    this.busy = true;
    try {
      while (this.queue.length > 0 && !this.blocked) {
        const item = this.queue[0];
        if (performance.now() - item.queuedAt > STALE_MS) {
          this.queue.shift();
          this.skipped.push(item.call.seq);
          this.onChange();
          continue;
        }
        if (!item.started) {
          item.started = true;
          this.announced.push(item.call.seq);
          this.onStart(item.call);
        }
        try {
          await this.player.play(item.call);
        } catch (e) {
          if (e && e.name === 'NotAllowedError') {
            // keep it at the head of the queue: it plays again after the click
            this.blocked = true;
            this.onChange();
            this.onBlocked();
            break;
          }
        }
        this.queue.shift();
        this.onChange();
        if (this.queue.length > 0) {
          await sleep(PAUSE_BETWEEN_MS);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/** Plays the server's clips from /audio/, falling back to Web Speech. */
export class ClipPlayer {
  constructor(speechLang) {
    this.speechLang = speechLang;
  }

  async play(call) {
    const a = call.announcement || {};
    const clips = Array.isArray(a.clips) ? a.clips : [];
    const loaded = await Promise.all(clips.map(clipAudio));
    const failed = loaded.some((audio) => audio === null);
    if (!failed && loaded.length > 0) {
      document.body.dataset.voice = 'clips';
      for (const audio of loaded) {
        await playToEnd(audio);
      }
      return;
    }
    const missing = clips.filter((c, i) => !loaded[i]).join(',');
    document.body.dataset.voice = 'speech:' + missing;
    console.warn('voice clips missing, speaking instead:', missing);
    // a clip is missing: the chime if we have it, then the whole sentence from the speech engine
    if (loaded[0] && clips[0] === 'chime') {
      await playToEnd(loaded[0]);
    }
    await speak(a.text || call.number, this.speechLang);
  }
}

/** Pretends to play: for tests (?audio=off) and screens without speakers. */
export class SilentPlayer {
  constructor(ms, blockFirst) {
    this.ms = ms;
    this.blockFirst = blockFirst;
  }

  async play() {
    if (this.blockFirst) {
      this.blockFirst = false;
      throw new DOMException('simulated autoplay block', 'NotAllowedError');
    }
    await sleep(this.ms);
  }
}

async function clipAudio(clip) {
  const hit = clipCache.get(clip);
  if (hit) {
    return hit;
  }
  const audio = await load(clip);
  if (audio) {
    clipCache.set(clip, audio);
  }
  return audio;
}

function load(clip) {
  return new Promise((resolve) => {
    const audio = new Audio('/audio/' + encodeURIComponent(clip) + '.wav');
    audio.preload = 'auto';
    const done = (ok) => {
      clearTimeout(timer);
      audio.oncanplaythrough = null;
      audio.onerror = null;
      resolve(ok ? audio : null);
    };
    const timer = setTimeout(() => done(false), CLIP_LOAD_TIMEOUT_MS);
    audio.oncanplaythrough = () => done(true);
    audio.onerror = () => done(false);
    audio.load();
  });
}

function playToEnd(audio) {
  return new Promise((resolve, reject) => {
    // a clip that never ends (a broken file) must not stall the hall's queue
    const limit = setTimeout(resolve, (Number.isFinite(audio.duration) ? audio.duration * 1000 : 5000) + 3000);
    audio.onended = () => {
      clearTimeout(limit);
      resolve();
    };
    audio.onerror = () => {
      clearTimeout(limit);
      resolve();
    };
    audio.currentTime = 0;
    audio.play().catch((e) => {
      clearTimeout(limit);
      if (e && e.name === 'NotAllowedError') {
        reject(e);
      } else {
        resolve();
      }
    });
  });
}

function speak(text, lang) {
  return new Promise((resolve) => {
    if (!('speechSynthesis' in window) || !text) {
      resolve();
      return;
    }
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.replace('_', '-').startsWith('id'));
    if (voice) {
      u.voice = voice;
    }
    u.rate = 0.9;
    // engines without a voice never fire "end": give up after a generous guess of the length
    const limit = setTimeout(resolve, 2000 + text.length * 120);
    u.onend = () => {
      clearTimeout(limit);
      resolve();
    };
    u.onerror = () => {
      clearTimeout(limit);
      resolve();
    };
    speechSynthesis.speak(u);
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
