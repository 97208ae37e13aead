// The booking page /booking, phone first: agency -> service -> day -> time slot -> (NIK, phone and
// consent where the service needs them) -> the booking with its code and QR; find, cancel and move
// a booking by its code; and, once the booking is checked in at a kiosk, the ticket's own page.
// No sign-in and no framework: the code is the visitor's key, kept on this phone (never in the
// address) so the page can follow it. <body data-screen> names the screen, for tests; the screens
// themselves are drawn by booking-views.js.
import { api } from './api.js';
import { ApiError, retryable, uuid, withRetry } from '/web/common/http.js';
import { hallFields } from '/web/common/time.js';
import { lang, refusalText, setLang, t } from './booking-messages.js';
import * as views from './booking-views.js';

const LANG_KEY = 'antre.lang';
const SAVED_KEY = 'antre.bookings';
const SAVED_MAX = 5;
/** How often an open booking is read again, to notice the check-in (a few hundred bytes each time). */
const FOLLOW_MS = 10000;
const DEFAULT_DAYS_AHEAD = 7;

const body = document.body;
const main = document.getElementById('main');
const dialog = document.getElementById('confirm');

export const state = {
  hall: null,
  agency: null,
  service: null,
  day: null,
  /** The slots answer of the chosen day ({opensAt, slots}), or null while loading. */
  slots: null,
  slot: null,
  /** A booking being moved to another time: the choosing screens then end in a reschedule. */
  moving: null,
  /** The booking on screen. */
  booking: null,
  /** The last refusal to show on the current screen ({code, text}). */
  refusal: null,
  requestId: null,
  pending: false,
  identity: { nik: '', phone: '', consent: false },
};

let followTimer = 0;

// ------------------------------------------------------------------ what the hall offers

/** The service's booking rules as the hall sends them, or null when it cannot be booked online. */
export function bookingOf(s) {
  if (!s || !s.booking) {
    return null;
  }
  return s.booking === true ? {} : s.booking;
}

/**
 * Whether the chosen service asks for a field ('nik' or 'phone'): the day's slots answer says
 * (needsNik, needsPhone), else the service's booking rules in the hall.
 */
export function needs(s, field) {
  const flag = `needs${field[0].toUpperCase()}${field.slice(1)}`;
  if (state.slots && typeof state.slots[flag] === 'boolean' && state.slots.service === s?.code) {
    return state.slots[flag];
  }
  return (bookingOf(s) || {})[flag] === true;
}

export function bookableAgencies() {
  return (state.hall?.agencies || [])
    .map((a) => ({ ...a, services: a.services.filter((s) => bookingOf(s)) }))
    .filter((a) => a.services.length);
}

export function currentAgency() {
  return bookableAgencies().find((a) => a.code === state.agency);
}

export function findService(code) {
  for (const a of state.hall?.agencies || []) {
    const s = a.services.find((x) => x.code === code);
    if (s) {
      return { agency: a, service: s };
    }
  }
  return { agency: null, service: null };
}

/** The hall's service day today ("2026-11-30"): the server's when it says, else this phone's clock in the hall's zone. */
function hallToday() {
  if (state.hall?.today) {
    return state.hall.today;
  }
  const f = hallFields(new Date(), state.hall?.timeZone);
  return `${f.year}-${String(f.month + 1).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The days a visitor may pick: the service's own list when the server gives one, else today and the next few. */
export function bookingDays(s) {
  const b = bookingOf(s) || {};
  if (Array.isArray(b.days) && b.days.length) {
    return b.days.map((d) => (typeof d === 'string' ? { day: d } : d));
  }
  const [y, m, d] = hallToday().split('-').map(Number);
  const ahead = Number.isInteger(b.daysAhead) ? b.daysAhead : DEFAULT_DAYS_AHEAD;
  const out = [];
  for (let i = 0; i <= ahead; i += 1) {
    out.push({ day: new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10) });
  }
  return out;
}

/** "today", "tomorrow" or null for a service day. */
export function relativeDay(day) {
  const today = hallToday();
  if (day === today) {
    return 'today';
  }
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10) === day ? 'tomorrow' : null;
}

// ------------------------------------------------------------------ codes kept on this phone

export function savedCodes() {
  try {
    const list = JSON.parse(localStorage.getItem(SAVED_KEY));
    return Array.isArray(list) ? list.filter((c) => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

function remember(code) {
  localStorage.setItem(SAVED_KEY, JSON.stringify([code, ...savedCodes().filter((c) => c !== code)].slice(0, SAVED_MAX)));
}

export function forget(code) {
  localStorage.setItem(SAVED_KEY, JSON.stringify(savedCodes().filter((c) => c !== code)));
  toStart();
}

/** A code as typed or scanned: letters and digits only, upper case. */
export function normaliseCode(text) {
  return String(text || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

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

/** While a booked booking is on screen, read it again now and then: a check-in opens the ticket's page. */
function follow() {
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
  }, FOLLOW_MS);
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
