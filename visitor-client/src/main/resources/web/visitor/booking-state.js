// The booking page's state, shared by its modules (booking.js, booking-views.js): what the
// visitor chose, the booking on screen; what the hall offers online; and the booking codes kept
// on this phone (in localStorage, never in the address).
import { hallFields } from '/web/common/time.js';

const SAVED_KEY = 'antre.bookings';
const SAVED_MAX = 5;
const DEFAULT_DAYS_AHEAD = 7;

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

export function remember(code) {
  localStorage.setItem(SAVED_KEY, JSON.stringify([code, ...savedCodes().filter((c) => c !== code)].slice(0, SAVED_MAX)));
}

/** A code as typed or scanned: letters and digits only, upper case. */
export function normaliseCode(text) {
  return String(text || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function unsave(code) {
  localStorage.setItem(SAVED_KEY, JSON.stringify(savedCodes().filter((c) => c !== code)));
}
