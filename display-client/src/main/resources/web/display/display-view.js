// Drawing the display: the call now and the calls before it, the zone's counters, the visitors
// waiting, the clock, the hall's name and the fixed texts. Mixed into Display (display.js).

import { messagesFor } from './messages.js';
import { formatClock } from './clock.js';
import { waitingRows } from './waiting.js';

const RECENT_SHOWN = 6;
const FLASH_MS = 6000;

const $ = (id) => document.getElementById(id);

export const view = {
  agencyOf(code) {
    return this.hall?.agencies.find((a) => a.code === code);
  },

  serviceOf(code) {
    for (const a of this.hall?.agencies || []) {
      const s = a.services.find((x) => x.code === code);
      if (s) {
        return s;
      }
    }
    return null;
  },

  sortedCalls() {
    return [...this.calls.values()].sort((a, b) => b.seq - a.seq);
  },

  renderCalls(mayFlash) {
    const msg = this.msg;
    const calls = this.sortedCalls();
    const hero = calls[0];
    const heroEl = $('hero');
    if (!hero) {
      $('hero-number').textContent = '';
      $('hero-counter').textContent = msg.waitingForCall;
      $('hero-agency').textContent = '';
      $('hero-service').textContent = '';
      $('hero-recall').hidden = true;
      heroEl.classList.add('idle');
    } else if (hero.seq !== this.heroSeq) {
      heroEl.classList.remove('idle');
      this.heroSeq = hero.seq;
      $('hero-number').textContent = hero.number;
      $('hero-counter').textContent = hero.counterName || `${msg.counters} ${hero.counter}`;
      $('hero-agency').textContent = hero.agencyName || this.agencyOf(hero.agency)?.name || '';
      $('hero-service').textContent = this.serviceOf(hero.service)?.name || '';
      $('hero-recall').hidden = !hero.recall;
      heroEl.dataset.seq = String(hero.seq);
      if (mayFlash && hero.live) {
        this.flash(heroEl);
      }
    }

    // earlier calls, one line per ticket (a recall does not push other numbers off the list)
    const seen = new Set(hero ? [hero.number + '|' + hero.counter] : []);
    const rows = [];
    for (const c of calls.slice(1)) {
      const key = c.number + '|' + c.counter;
      if (!seen.has(key)) {
        seen.add(key);
        rows.push(c);
      }
      if (rows.length === RECENT_SHOWN) {
        break;
      }
    }
    const list = $('recent-list');
    list.replaceChildren(...rows.map((c) => {
      const li = document.createElement('li');
      li.dataset.seq = String(c.seq);
      li.innerHTML = '<span class="r-number"></span><span class="r-where"><span class="r-counter"></span>'
        + '<span class="r-agency"></span></span>';
      li.querySelector('.r-number').textContent = c.number;
      li.querySelector('.r-counter').textContent = c.counterName || c.counter;
      li.querySelector('.r-agency').textContent = c.agencyName || '';
      if (c.recall) {
        li.classList.add('recall');
      }
      return li;
    }));
    $('recent-empty').textContent = rows.length === 0 ? msg.noRecentCalls : '';
  },

  flash(el) {
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => el.classList.remove('flash'), FLASH_MS);
  },

  renderCounters() {
    const msg = this.msg;
    // the server lists counters in the hall's configuration order
    const counters = [...this.counters.values()];
    const heroCounter = this.calls.get(this.heroSeq)?.counter;
    const grid = $('counter-grid');
    grid.style.setProperty('--count', String(counters.length));
    grid.replaceChildren(...counters.map((c) => {
      const li = document.createElement('li');
      li.dataset.counter = c.id;
      li.innerHTML = '<span class="c-name"></span><span class="c-value"></span>';
      li.querySelector('.c-name').textContent = c.name || c.id;
      const value = li.querySelector('.c-value');
      if (c.current && c.current.number) {
        value.textContent = c.current.number;
        li.classList.add(c.current.status === 'CALLED' ? 'called' : 'serving');
      } else if (c.state === 'CLOSED') {
        value.textContent = msg.counterClosed;
        li.classList.add('closed');
      } else if (c.state === 'PAUSED') {
        value.textContent = msg.counterPaused;
        li.classList.add('paused');
      } else {
        value.textContent = msg.counterIdle;
        li.classList.add('idle');
      }
      if (c.id === heroCounter) {
        li.classList.add('current');
      }
      return li;
    }));
  },

  /** Waiting visitors per agency of this zone's counters (waiting.js). */
  renderWaiting() {
    if (this.hall) {
      $('waiting-list').replaceChildren(...waitingRows(this.hall, this.waiting, this.zone, this.msg));
    }
  },

  renderClock() {
    const c = formatClock(new Date(), this.timeZone, this.msg);
    $('clock-time').textContent = c.time;
    $('clock-date').textContent = c.date;
  },

  renderStatic() {
    const msg = this.msg;
    document.documentElement.lang = msg === messagesFor('en') ? 'en' : 'id';
    document.title = msg.pageTitle;
    $('zone').textContent = this.zone ? msg.zone(this.zone) : msg.zoneAll;
    $('hero-label').textContent = msg.nowCalling;
    $('hero-recall').textContent = msg.recall;
    $('recent-title').textContent = msg.recentCalls;
    $('counters-title').textContent = msg.counters;
    $('waiting-title').textContent = msg.waiting;
    $('offline-text').textContent = msg.offline;
    $('sound-text').textContent = msg.enableSound;
    $('sound-hint').textContent = msg.enableSoundHint;
    $('offline').hidden = false;
  },

  renderHall(hall) {
    this.hall = hall;
    this.timeZone = hall.timeZone || this.timeZone;
    $('hall-name').textContent = hall.name || '';
    $('hall-subtitle').textContent = hall.subtitle || '';
    for (const c of hall.counters) {
      if ((!this.zone || c.zone === this.zone) && !this.counters.has(c.id)) {
        this.counters.set(c.id, { ...c, current: null });
      }
    }
    this.renderClock();
    this.renderTicker(hall.runningText);
    this.renderCounters();
    this.renderWaiting();
    this.renderCalls(false);
  },
};
