// The booking page /booking, phone first: agency -> service -> day -> time slot -> (NIK, phone and
// consent where the service needs them) -> the booking with its code and QR; find, cancel and move
// a booking by its code; and, once the booking is checked in at a kiosk, the ticket's own page.
// No sign-in and no framework: the code is the visitor's key, kept on this phone (never in the
// address) so the page can follow it. <body data-screen> names the screen, for tests; the screens
// themselves are drawn by booking-views.js.
import { api } from './api.js';
import { ApiError, retryable, uuid, withRetry } from '/web/common/http.js';
import { lang, refusalText, setLang, t } from './booking-messages.js';
import * as views from './booking-views.js';
import {
  bookableAgencies, currentAgency, findService, needs, normaliseCode, remember, state, unsave,
} from './booking-state.js';

const LANG_KEY = 'antre.lang';
/**
 * How often an open booking is read again, to notice the check-in (a few hundred bytes each time).
 * Reads count against the per-address limit of tokenless requests (60 a minute by default), which
 * phones on one hall Wi-Fi share: 15 s leaves room for a dozen of them following at once.
 */
const FOLLOW_MS = 15000;

const body = document.body;
const main = document.getElementById('main');
const dialog = document.getElementById('confirm');

let followTimer = 0;

// ------------------------------------------------------------------ screens and the back button

const SCREENS = {
  start: () => views.startScreen(),
  agencies: () => views.agenciesScreen(),
  services: () => views.servicesScreen(),
  days: () => views.daysScreen(),
  slots: () => views.slotsScreen(),
  details: () => views.detailsScreen(),
  booking: () => views.bookingScreen(),
};

/** Shows a screen and gives it a history entry, so the phone's back button walks back through the steps. */
export function go(name, { replace = false } = {}) {
  if (name !== 'booking') {
    stopFollowing();
  }
  SCREENS[name]();
  const entry = { screen: name };
  if (replace || history.state?.screen === name) {
    history.replaceState(entry, '');
  } else {
    history.pushState(entry, '');
  }
}

window.addEventListener('popstate', (e) => {
  const name = e.state?.screen;
  // a screen whose choice is gone (after a reload) falls back to the start
  const ready = {
    start: true,
    agencies: !!state.hall,
    services: !!currentAgency(),
    days: !!state.service,
    slots: !!state.service && !!state.day,
    details: !!state.slot,
    booking: !!state.booking,
  };
  state.refusal = null;
  if (name !== 'booking') {
    stopFollowing();
  }
  (SCREENS[name] && ready[name] ? SCREENS[name] : SCREENS.start)();
});

export function forget(code) {
  unsave(code);
  toStart();
}

export function toStart() {
  state.moving = null;
  state.refusal = null;
  go('start');
}

// ------------------------------------------------------------------ choosing

export function newBooking() {
  state.moving = null;
  state.refusal = null;
  const agencies = bookableAgencies();
  if (agencies.length === 1) {
    state.agency = agencies[0].code;
    go('services');
  } else {
    go('agencies');
  }
}

export function chooseAgency(code) {
  state.agency = code;
  go('services');
}

export function chooseService(code) {
  state.service = findService(code).service;
  state.refusal = null;
  go('days');
}

export async function chooseDay(day) {
  state.day = day;
  state.slots = null;
  state.slot = null;
  state.refusal = null;
  go('slots');
  await loadSlots();
}

export async function loadSlots() {
  const day = state.day;
  try {
    const answer = await withRetry(() => api.slots(state.service.code, day), { attempts: 3 });
    if (state.day === day) {
      state.slots = answer;
      state.refusal = null;
    }
  } catch (e) {
    if (state.day === day) {
      state.slots = { slots: [] };
      state.refusal = refusal(e);
    }
  }
  if (body.dataset.screen === 'slots' && state.day === day) {
    views.slotsScreen();
  }
}

export function chooseSlot(slot) {
  state.slot = slot;
  state.refusal = null;
  if (state.moving) {
    moveBooking();
    return;
  }
  state.requestId = uuid();
  go('details');
}

// ------------------------------------------------------------------ booking, finding, cancelling, moving

/** The refusal to show for an error: a code and a plain sentence. */
export function refusal(e) {
  if (!(e instanceof ApiError) || retryable(e)) {
    return { code: 'NETWORK', text: t('refusal.NETWORK') };
  }
  return { code: e.code || String(e.status), text: refusalText(e.code, e.detail || e.title, e.retryAfter) };
}

/** Books the chosen slot. The request id is made with the details screen, so a retry never books twice. */
export async function book(identity) {
  if (state.pending) {
    return;
  }
  state.identity = identity;
  const request = { service: state.service.code, day: state.day, slot: state.slot.start, requestId: state.requestId };
  if (needs(state.service, 'nik')) {
    request.nik = identity.nik;
  }
  if (needs(state.service, 'phone')) {
    request.phone = identity.phone;
  }
  state.pending = true;
  state.refusal = null;
  views.detailsScreen();
  try {
    const made = await withRetry(() => api.book(request), { attempts: 3 });
    state.identity = { nik: '', phone: '', consent: false };
    state.requestId = null;
    remember(made.code);
    state.booking = made;
    go('booking', { replace: true });
    show(made.code, { quiet: true });
  } catch (e) {
    state.refusal = refusal(e);
    if (['SLOT_FULL', 'QUOTA_EXHAUSTED', 'BOOKING_CLOSED'].includes(state.refusal.code)) {
      // the slots changed under the visitor: show them again with the reason on top
      const reason = state.refusal;
      state.pending = false;
      await chooseDay(state.day);
      state.refusal = reason;
      views.slotsScreen();
      return;
    }
  } finally {
    state.pending = false;
  }
  if (body.dataset.screen === 'details') {
    views.detailsScreen();
  }
}

/** Reads a booking by its code and shows it; quiet keeps the screen as it is on a network blip. */
export async function show(code, { quiet = false } = {}) {
  let same = false;
  try {
    const fresh = await api.booking(code);
    same = JSON.stringify(fresh) === JSON.stringify(state.booking);
    state.booking = fresh;
  } catch (e) {
    if (quiet && !(e instanceof ApiError && e.status === 404)) {
      // a blip or a 429 (many phones behind one address): keep the screen and try again later
      if (body.dataset.screen === 'booking') {
        follow(e instanceof ApiError ? e.retryAfter : 0);
      }
      return;
    }
    state.refusal = e instanceof ApiError && e.status === 404
      ? { code: 'UNKNOWN_BOOKING', text: t('notFound') } : refusal(e);
    if (!state.booking || state.booking.code !== code) {
      views.startScreen();
      return;
    }
  }
  if (ticketOf(state.booking)) {
    location.assign(`/t/${encodeURIComponent(ticketOf(state.booking))}`);
    return;
  }
  if (body.dataset.screen === 'booking') {
    // nothing changed: keep the screen (and its QR image) as it is
    if (!same || state.refusal) {
      views.bookingScreen();
    }
  } else {
    go('booking');
  }
  follow();
}

export function find(text) {
  const code = normaliseCode(text);
  if (!code) {
    state.refusal = { code: 'EMPTY', text: t('findEmpty') };
    views.startScreen();
    return;
  }
  state.booking = null;
  show(code).then(() => state.booking?.code === code && remember(code));
}

/** The tracking token of the ticket a checked-in booking became, if any. */
export function ticketOf(b) {
  return b?.ticketToken || b?.trackingToken || b?.ticket?.trackingToken || null;
}

export function askCancel() {
  views.cancelDialog(dialog, state.booking, async () => {
    await api.cancelBooking(state.booking.code);
    dialog.close();
    await show(state.booking.code);
  });
}

export function startMove() {
  const b = state.booking;
  state.moving = b;
  state.service = findService(b.service).service;
  state.agency = findService(b.service).agency?.code;
  state.refusal = null;
  go('days');
}

async function moveBooking() {
  if (state.pending) {
    return;
  }
  state.pending = true;
  try {
    const moved = await api.reschedule(state.moving.code, { day: state.day, slot: state.slot.start });
    state.booking = { ...state.moving, ...moved };
    state.moving = null;
    go('booking');
    show(state.booking.code, { quiet: true });
  } catch (e) {
    state.refusal = refusal(e);
    views.slotsScreen();
  } finally {
    state.pending = false;
  }
}

// ------------------------------------------------------------------ following the booking

/**
 * While a booked booking is on screen, read it again now and then: a check-in opens the ticket's
 * page. A Retry-After (seconds) from a 429 pushes the next read back.
 */
function follow(retryAfter = 0) {
  stopFollowing();
  if (state.booking?.status !== 'BOOKED') {
    return;
  }
  followTimer = setTimeout(function again() {
    if (body.dataset.screen !== 'booking' || !state.booking) {
      return;
    }
    if (document.visibilityState === 'visible') {
      show(state.booking.code, { quiet: true });
    } else {
      followTimer = setTimeout(again, FOLLOW_MS);
    }
  }, Math.max(FOLLOW_MS, retryAfter * 1000));
}

function stopFollowing() {
  clearTimeout(followTimer);
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && body.dataset.screen === 'booking' && state.booking?.status === 'BOOKED') {
    show(state.booking.code, { quiet: true });
  }
});

// ------------------------------------------------------------------ start

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'id' : 'en');
  localStorage.setItem(LANG_KEY, lang());
  const screen = body.dataset.screen;
  (SCREENS[screen] || SCREENS.start)();
});

setLang(localStorage.getItem(LANG_KEY) || 'id');
views.header();
(async function load() {
  try {
    state.hall = await withRetry(() => api.hall(), { attempts: 4 });
  } catch (e) {
    body.dataset.screen = 'unavailable';
    main.replaceChildren(views.notice(t('hallUnavailable'), 'stop'));
    return;
  }
  go('start', { replace: true });
}());
