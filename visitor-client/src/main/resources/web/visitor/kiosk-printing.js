// The printer's progress for the ticket on screen, followed live, and the timers that bring the
// kiosk back to the start.
import { h } from '/web/common/dom.js';
import { t } from './messages.js';
import { body, main, PRINTER_PROBLEMS, state } from './kiosk-state.js';
import { servicesScreen, setupScreen, startScreen } from './kiosk-screens.js';
import { toStart } from './kiosk-actions.js';

const ISSUED_SECONDS = 20;
const PRINT_FAILED_SECONDS = 60;
/** A ticket that has not come out by then is treated as not printed: nobody should wait at a silent printer. */
const PRINT_TIMEOUT_MS = 15000;

/** Refusals of the device token itself: staff must set the kiosk up again. */
const TOKEN_REFUSED = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'FORBIDDEN']);

export function onLive(msg) {
  if (msg.type === 'error' && TOKEN_REFUSED.has(msg.code)) {
    // found when the kiosk starts, not when the first visitor presses "Ambil Nomor"
    state.tokenRefused = true;
    body.dataset.token = 'refused';
    setupScreen(t('tokenRefused'));
    return;
  }
  if (msg.type === 'printer') {
    state.printer = msg.status;
    body.dataset.printer = msg.status;
    const banner = main.querySelector('.printer-banner');
    if (['start', 'services'].includes(body.dataset.screen) && !!banner !== PRINTER_PROBLEMS.has(msg.status)) {
      (body.dataset.screen === 'start' ? startScreen : servicesScreen)();
    }
    renderPrint();
  } else if (msg.type === 'print-job') {
    state.jobs.set(msg.ticketId, msg.status);
    if (state.jobs.size > 200) {
      state.jobs.delete(state.jobs.keys().next().value);
    }
    renderPrint();
  }
}

/** What the visitor should do about paper: wait, take it, or photograph the screen. */
function printOutcome() {
  const tk = state.ticket;
  if (!tk.printJob) {
    return 'none';
  }
  const job = state.jobs.get(tk.id);
  if (job === 'PRINTED') {
    return 'printed';
  }
  if (job === 'FAILED' || job === 'CANCELLED' || PRINTER_PROBLEMS.has(state.printer) || state.printTimedOut) {
    return 'failed';
  }
  return 'printing';
}

export function renderPrint() {
  const box = document.getElementById('print-status');
  if (!box || !state.ticket) {
    return;
  }
  const outcome = printOutcome();
  if (box.dataset.outcome === outcome) {
    return;
  }
  const first = !box.dataset.outcome;
  box.dataset.outcome = outcome;
  body.dataset.printStatus = outcome;
  box.className = `print-status print-${outcome}`;
  const parts = {
    printing: [h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { class: 'strong' }, t('printing'))],
    printed: [h('span', { class: 'icon', 'aria-hidden': 'true' }, '↓'),
      h('span', {}, h('span', { class: 'strong' }, t('printed')), h('span', { class: 'sub' }, t('printedHint')))],
    failed: [h('span', { class: 'icon', 'aria-hidden': 'true' }, '!'),
      h('span', {}, h('span', { class: 'strong' }, t('printFailed')), h('span', { class: 'sub' }, t('printFailedHint')))],
    none: [h('span', { class: 'icon', 'aria-hidden': 'true' }, 'i'), h('span', { class: 'strong' }, t('noPrinter'))],
  };
  box.replaceChildren(...parts[outcome]);
  clearTimeout(state.printTimer);
  if (outcome === 'printing') {
    state.printTimer = setTimeout(() => {
      state.printTimedOut = true;
      renderPrint();
    }, PRINT_TIMEOUT_MS);
  }
  if (first) {
    countdown(outcome === 'failed' || outcome === 'none' ? PRINT_FAILED_SECONDS : ISSUED_SECONDS);
  } else if (outcome === 'failed') {
    // the number and QR are now the visitor's only ticket: leave them up long enough to photograph
    countdown(PRINT_FAILED_SECONDS);
  }
}

// ------------------------------------------------------------------ idle and countdown

let idleTimer = 0;
let idleSeconds = null;
let countdownLeft = 0;

/** Back to the start after this many quiet seconds (null: stay). Any touch or key restarts the wait. */
export function idle(seconds) {
  clearInterval(idleTimer);
  idleSeconds = seconds;
  countdownLeft = 0;
  if (seconds) {
    idleTimer = setInterval(() => {
      countdownLeft += 1;
      if (countdownLeft >= idleSeconds) {
        toStart();
      }
    }, 1000);
  }
}

/** The issued screen's visible countdown. */
export function countdown(seconds) {
  clearInterval(idleTimer);
  idleSeconds = null;
  let left = seconds;
  const el = document.getElementById('countdown');
  const paint = () => {
    if (el) {
      el.textContent = t('backIn', left);
      body.dataset.countdown = String(left);
    }
  };
  paint();
  idleTimer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      delete body.dataset.countdown;
      toStart();
    } else {
      paint();
    }
  }, 1000);
}

for (const ev of ['pointerdown', 'keydown']) {
  window.addEventListener(ev, () => {
    countdownLeft = 0;
  }, { passive: true });
}
