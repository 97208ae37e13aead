// The display's voice hand-off: which calls are announced (never one a reload already announced,
// a replayed one only while fresh), the last announced seq remembered per zone in localStorage,
// and the announcer (announcer.js) with its click-to-enable overlay. Mixed into Display (display.js).

import { Announcer, ClipPlayer, SilentPlayer } from './announcer.js';

/** A call replayed after a reconnect is announced only if it is this fresh. */
const REPLAY_FRESH_MS = 2 * 60 * 1000;

const $ = (id) => document.getElementById(id);

export const voice = {
  /** The player (real clips, or silent ones for ?audio=off|blocked) and the announcer. */
  setUpVoice(params) {
    const body = document.body;
    const player = this.audioMode === 'off' || this.audioMode === 'blocked'
      ? new SilentPlayer(Number(params.get('audioMs')) || 300, this.audioMode === 'blocked')
      : new ClipPlayer(this.msg.speechLang);
    const announcer = new Announcer({
      player,
      onStart: (call) => {
        if (call.seq > (this.storedSeq() || 0)) {
          this.storeSeq(call.seq);
        }
      },
      onBlocked: () => {
        $('sound-overlay').hidden = false;
        body.dataset.sound = 'blocked';
      },
      onChange: () => {
        body.dataset.announced = announcer.announced.join(',');
        body.dataset.queued = announcer.queue.filter((i) => !i.started).map((i) => i.call.seq).join(',');
        body.dataset.playing = announcer.queue.filter((i) => i.started).map((i) => i.call.seq).join(',');
      },
    });
    this.announcer = announcer;
    $('sound-overlay').addEventListener('click', () => {
      $('sound-overlay').hidden = true;
      body.dataset.sound = 'on';
      announcer.resume();
    });
  },

  shouldAnnounce(call) {
    const stored = this.storedSeq();
    if (stored != null && call.seq <= stored) {
      return false;
    }
    if (call.replay) {
      const at = Date.parse(call.at);
      return Number.isFinite(at) && Date.now() - at < REPLAY_FRESH_MS;
    }
    return true;
  },

  /** The seq of the last call announced on this zone's screens, or null. */
  storedSeq() {
    try {
      const v = Number(localStorage.getItem(this.storageKey));
      return Number.isFinite(v) && v > 0 ? v : null;
    } catch (e) {
      return null;
    }
  },

  storeSeq(seq) {
    try {
      localStorage.setItem(this.storageKey, String(seq));
    } catch (e) {
      // a browser without storage: a reload may then repeat nothing worse than the last call
    }
  },
};
