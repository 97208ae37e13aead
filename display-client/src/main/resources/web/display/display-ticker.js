// The hall's running text at the foot of the display. Mixed into Display (display.js).

const TICKER_PX_PER_S = 110;
/** A new running text waits for the old one to fade out where it stands (see .ticker-text.fading). */
const TICKER_FADE_MS = 400;

const $ = (id) => document.getElementById(id);

export const ticker = {
  /**
   * The hall's running text, from /hall and then live from the `hall` topic. The same text again (a
   * reconnect's snapshot) leaves the marquee where it is; a new one lets the old fade out mid-way
   * rather than jump, then runs in from the right edge.
   */
  renderTicker(text) {
    const next = text || '';
    if (next === this.runningText) {
      return;
    }
    const el = $('ticker-text');
    const showing = this.runningText;
    this.runningText = next;
    clearTimeout(this.tickerTimer);
    if (!showing) {
      this.startTicker(el, next);
      return;
    }
    el.classList.add('fading');
    this.tickerTimer = setTimeout(() => this.startTicker(el, next), TICKER_FADE_MS);
  },

  startTicker(el, text) {
    el.classList.remove('running', 'fading');
    el.textContent = text;
    document.body.dataset.runningText = text;
    if (!text) {
      return;
    }
    void el.offsetWidth; // the animation starts over, from the right edge
    // constant speed whatever the length of the hall's text
    requestAnimationFrame(() => {
      const distance = el.scrollWidth + el.parentElement.clientWidth;
      el.style.setProperty('--ticker-duration', `${Math.max(10, distance / TICKER_PX_PER_S)}s`);
      el.classList.add('running');
    });
  },
};
