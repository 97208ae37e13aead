// What the visitor pages need from the server: the API v1 calls (see common/http.js) and the live
// WebSocket (common/live.js), set up as the kiosk and the phone page use them.

import { request } from '/web/common/http.js';
import { Live } from '/web/common/live.js';

// no timeout of our own: a kiosk retries an issue itself, and a phone page refetches on reconnect
const call = (method, path, { token, body } = {}) => request(method, path, { token, body, timeoutMs: 0 });

export const api = {
  hall: () => call('GET', '/hall'),
  issue: (token, body) => call('POST', '/tickets', { token, body }),
  ticket: (trackingToken) => call('GET', `/tickets/${encodeURIComponent(trackingToken)}`),
  cancel: (trackingToken) => call('POST', `/tickets/${encodeURIComponent(trackingToken)}/cancel`, { body: {} }),
  surveyStatus: (trackingToken) => call('GET', `/surveys/${encodeURIComponent(trackingToken)}`),
  /** token: a survey tablet's device token, or none from a phone. */
  answerSurvey: (body, token) => call('POST', '/surveys', { token, body }),
  pendingSurvey: (token) => request('GET', '/surveys/pending', { token, timeoutMs: 8000 }),

  // booking (the mobile channel): no sign-in; a check-in comes from a kiosk with its device token
  slots: (service, day) => call('GET', `/booking/slots?service=${encodeURIComponent(service)}&day=${encodeURIComponent(day)}`),
  book: (body) => call('POST', '/bookings', { body }),
  booking: (code) => call('GET', `/bookings/${encodeURIComponent(code)}`),
  cancelBooking: (code) => call('POST', `/bookings/${encodeURIComponent(code)}/cancel`, { body: {} }),
  reschedule: (code, body) => call('POST', `/bookings/${encodeURIComponent(code)}/reschedule`, { body }),
  checkIn: (token, code, body) => call('POST', `/bookings/${encodeURIComponent(code)}/check-in`, { token, body }),
};

/** The address of a booking code's QR image, drawn by the server as SVG. */
export const bookingQrSrc = (code) => `/api/v1/bookings/${encodeURIComponent(code)}/qr.svg`;

/**
 * The live WebSocket of a visitor page, started: reconnects after 1 s, 2 s, 4 s ... up to 15 s,
 * and pings now and then, because a quiet socket through a NAT or proxy may die silently.
 *
 * @param subscription the subscribe message ({type:"subscribe", topics, token?}), or a function
 *   that makes it at each (re)connect
 * @param onMessage called with each parsed server message
 * @param onState called with true when subscribed, false when the socket is down
 */
export function live(subscription, onMessage, onState = () => {}) {
  return new Live(typeof subscription === 'function' ? subscription : () => subscription, onMessage, onState,
    { firstRetryMs: 1000, maxRetryMs: 15000, jitter: false, watchdogMs: 0, pingMs: 25000 }).start();
}
