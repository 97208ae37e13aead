// Check-in of a booking at the kiosk: the visitor types the booking code on the on-screen
// keyboard, or holds the code's QR to the kiosk's barcode scanner, which types like a keyboard and
// ends with Enter, and works from the start screen without a touch. The booking becomes a ticket
// that is shown and printed as an issued one is; outside the check-in window the visitor is told
// when to come back or to take an ordinary number.
import { ApiError, retryable, uuid, withRetry } from '/web/common/http.js';
import { h } from '/web/common/dom.js';
import { hallTime, hhmm } from '/web/common/time.js';
import { api } from './api.js';
import { serverText, t } from './messages.js';
import { body, IDLE_SECONDS, main, state } from './kiosk-state.js';
import { issuedScreen, setupScreen, show } from './kiosk-screens.js';
import { toStart } from './kiosk-actions.js';
import { idle } from './kiosk-printing.js';

/** The booking codes' alphabet: no 0, 1, I or O, which read like each other. */
const ROWS = ['23456789', 'QWERTYUP', 'ASDFGHJKL', 'ZXCVBNM'];
const MAX_CODE = 24;
/** A scanner types a whole code in well under this between keys; a person at a keyboard does not. */
const SCANNER_GAP_MS = 120;
const MIN_SCANNED = 4;
/** Screens from which a scan is taken: anything a visitor may have left on screen. */
const SCAN_SCREENS = new Set(['start', 'services', 'confirm', 'issued', 'error', 'checkin', 'checkin-error']);

const typed = { code: '' };
const scan = { text: '', at: 0 };

/** The code in what was typed or scanned: the last part of an address, letters and digits, upper case. */
export function codeOf(text) {
  const last = String(text || '').trim().split(/[/#=?&]/).filter(Boolean).pop() || '';
  return last.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, MAX_CODE);
}

/**
 * "Booking pukul 09.00" for a ticket that came from a booking, else null: its slot's start, or the
 * time it queues at (an instant, shown in the hall's zone).
 */
export function bookedAt(tk) {
  const b = tk?.booking;
  if (!b) {
    return null;
  }
  const plain = /^(\d{2}):(\d{2})/.exec(b.slot || '');
  if (plain) {
    return t('bookedFor', hhmm(plain[1], plain[2]));
  }
  const at = Date.parse(b.slotStart || b.queuedAt || '');
  return Number.isNaN(at) ? null : t('bookedFor', hallTime(new Date(at), state.hall?.timeZone));
}

// ------------------------------------------------------------------ the entry and the screen

/** The start screen's way in: a wide button under the agencies, in a hall where some service takes bookings. */
export function checkInEntry() {
  if (!state.hall?.agencies.some((a) => a.services.some((s) => s.booking))) {
    return null;
  }
  return h('button', { class: 'checkin-entry', type: 'button', dataset: { action: 'check-in' }, onclick: () => freshCheckIn() },
    h('span', { class: 'checkin-icon', 'aria-hidden': 'true' }, '▦'),
    h('span', { class: 'service-body' },
      h('span', { class: 'tile-name' }, t('checkInEntry')),
      h('span', { class: 'tile-meta' }, t('checkInEntryLine'))),
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'));
}

/** The check-in screen with nothing typed: what the visitor before left unsent is gone. */
function freshCheckIn() {
  typed.code = '';
  checkInScreen();
}

export function checkInScreen() {
  const display = h('p', { class: 'code-display', id: 'checkin-code', role: 'textbox', 'aria-readonly': 'true',
    'aria-label': t('checkInCode'), dataset: { code: typed.code } }, typed.code || '\u00a0');
  const go = h('button', { class: 'primary big', type: 'button', dataset: { action: 'check-in-go' },
    disabled: !typed.code || state.pending, onclick: () => checkIn(typed.code) },
  state.pending ? t('checkingIn') : t('checkInGo'));
  const key = (label, action, cls = 'key') => h('button', { class: cls, type: 'button', dataset: { key: label }, onclick: action,
    disabled: state.pending }, label);
  show('checkin', h('section', {},
    h('div', { class: 'screen-head' },
      h('button', { class: 'back', type: 'button', dataset: { action: 'back' }, onclick: () => leave() },
        h('span', { 'aria-hidden': 'true' }, '‹ '), t('back')),
      h('div', {},
        h('h1', {}, t('checkInTitle')),
        h('p', { class: 'lead' }, t('checkInLine')))),
    h('label', { class: 'field-label', for: 'checkin-code' }, t('checkInCode')),
    display,
    h('div', { class: 'keyboard', role: 'group', 'aria-label': t('checkInCode') },
      ROWS.map((row) => h('div', { class: 'key-row' }, [...row].map((c) => key(c, () => type(c))))),
      h('div', { class: 'key-row' },
        key(t('clear'), () => setTyped(''), 'key key-wide'),
        key(t('erase'), () => setTyped(typed.code.slice(0, -1)), 'key key-wide'))),
    h('div', { class: 'actions' }, go)));
  idle(IDLE_SECONDS);
}

function leave() {
  typed.code = '';
  toStart();
}

function type(c) {
  setTyped((typed.code + c).slice(0, MAX_CODE));
}

function setTyped(code) {
  typed.code = code;
  const display = document.getElementById('checkin-code');
  if (display) {
    display.textContent = code || '\u00a0';
    display.dataset.code = code;
    main.querySelector('[data-action="check-in-go"]').disabled = !code || state.pending;
  }
}

/**
 * A refused check-in. With walkIn the booking cannot be checked in now whatever is typed: the one
 * way on is an ordinary number (from the start screen). Else the code may be typed again.
 */
function errorScreen(code, text, { walkIn = false } = {}) {
  show('checkin-error', h('section', {},
    h('div', { class: 'notice notice-stop error-box', role: 'alert' },
      h('h1', {}, t('checkInFailed')),
      h('p', { class: 'error-detail', dataset: { code } }, text)),
    h('div', { class: 'actions' },
      walkIn
        ? h('button', { class: 'primary big', type: 'button', dataset: { action: 'walk-in' }, onclick: () => leave() },
          t('takeWalkIn'))
        // the code typed stays, to mend one mistyped symbol
        : [h('button', { class: 'primary big', type: 'button', dataset: { action: 'check-in' }, onclick: () => checkInScreen() },
          t('tryAgain')),
        h('button', { class: 'secondary big', type: 'button', dataset: { action: 'start' }, onclick: () => leave() },
          t('toStart'))])));
  idle(IDLE_SECONDS);
}

// ------------------------------------------------------------------ checking in

/**
 * Checks the booking in. The request id stays the same for the same code until an answer comes,
 * so a retry after a lost answer never makes two tickets.
 */
export async function checkIn(text) {
  const code = codeOf(text);
  if (!code || state.pending) {
    return;
  }
  if (state.checkInRequest?.code !== code) {
    state.checkInRequest = { code, id: uuid() };
  }
  state.pending = true;
  body.dataset.checkingIn = 'true';
  typed.code = code;
  checkInScreen();
  try {
    const ticket = await withRetry(() => api.checkIn(state.device, code, { requestId: state.checkInRequest.id, print: true }),
      { attempts: 3, delayMs: (attempt) => 1000 * attempt });
    state.checkInRequest = null;
    typed.code = '';
    state.ticket = ticket;
    state.printTimedOut = false;
    issuedScreen();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setupScreen(serverText(e.detail || e.title));
    } else {
      if (!retryable(e)) {
        state.checkInRequest = null;
      }
      refused(e);
    }
  } finally {
    state.pending = false;
    delete body.dataset.checkingIn;
  }
}

function refused(e) {
  if (!(e instanceof ApiError) || retryable(e)) {
    errorScreen('NETWORK', t('errorNetwork'));
    return;
  }
  const p = e.problem || {};
  switch (e.code) {
    case 'CHECK_IN_WINDOW':
      // the server says which side of the window and when it opens, in the hall's time
      if (p.reason === 'too-late') {
        errorScreen(e.code, t('checkInTooLate'), { walkIn: true });
      } else {
        const at = /(\d{2})[.:](\d{2})/.exec(p.checkInFromLocal || '');
        errorScreen(e.code, at ? t('checkInTooEarly', hhmm(at[1], at[2])) : t('checkInTooEarlyPlain'), { walkIn: true });
      }
      break;
    case 'UNKNOWN_BOOKING':
      errorScreen(e.code, t('checkInUnknown'));
      break;
    case 'BOOKING_NOT_ACTIVE':
      errorScreen(e.code, t('checkInDone'), { walkIn: true });
      break;
    case 'RATE_LIMITED':
      errorScreen(e.code, t('checkInBusy', e.retryAfter));
      break;
    default:
      errorScreen(e.code || String(e.status), e.status === 404 ? t('checkInUnknown') : serverText(e.detail || e.title));
  }
}

// ------------------------------------------------------------------ the scanner and a keyboard

/**
 * Keys typed quickly one after another and ended by Enter are a scan: checked in from any screen a
 * visitor may find. On the check-in screen any typing fills the code. Other keys (Tab, Enter on a
 * focused button, arrows) keep their meaning, so the kiosk stays usable by keyboard.
 */
window.addEventListener('keydown', (e) => {
  const screen = body.dataset.screen;
  if (!SCAN_SCREENS.has(screen) || e.ctrlKey || e.altKey || e.metaKey) {
    return;
  }
  const now = performance.now();
  const quick = now - scan.at < SCANNER_GAP_MS;
  if (e.key === 'Enter') {
    const scanned = quick && scan.text.length >= MIN_SCANNED ? scan.text : null;
    scan.text = '';
    if (scanned) {
      e.preventDefault();
      e.stopPropagation();
      checkIn(scanned);
    } else if (screen === 'checkin' && typed.code && !document.activeElement?.matches('button')) {
      e.preventDefault();
      checkIn(typed.code);
    }
    return;
  }
  if (e.key.length !== 1 || e.key === ' ') {
    if (e.key === 'Backspace' && screen === 'checkin') {
      setTyped(typed.code.slice(0, -1));
    }
    return;
  }
  scan.text = quick ? scan.text + e.key : e.key;
  scan.at = now;
  if (screen === 'checkin' && /[a-z0-9]/i.test(e.key)) {
    type(e.key.toUpperCase());
  }
}, true);
