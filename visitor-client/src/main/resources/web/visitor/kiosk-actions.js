// What the visitor's taps do: choose an agency and a service, take a number (once, whatever the
// network does), go back to the start; and reading the hall again.
import { ApiError, uuid, withRetry } from '/web/common/http.js';
import { api } from './api.js';
import { lang, serverText, setLang, t } from './messages.js';
import { body, currentAgency, defaultLang, main, state } from './kiosk-state.js';
import {
  confirmScreen, errorScreen, issuedScreen, renderHeader, servicesScreen, setupScreen, startScreen,
} from './kiosk-screens.js';

const ISSUE_ATTEMPTS = 3;

export function chooseAgency(code) {
  state.agency = code;
  servicesScreen();
  // the numbers on the tiles may be a minute old: show the latest as soon as they arrive
  refreshHall().then((changed) => changed && body.dataset.screen === 'services' && state.agency === code
    && servicesScreen());
}

export function chooseService(code) {
  const s = currentAgency()?.services.find((x) => x.code === code);
  if (!s) {
    return;
  }
  state.service = s;
  state.priority = null;
  state.requestId = uuid();
  confirmScreen();
}

/**
 * Issues one ticket for the chosen service. The request id is made when the service is chosen and
 * sent again on every retry, so a double tap or a lost answer never yields two tickets.
 */
export async function issue() {
  if (state.pending || !state.service) {
    return;
  }
  state.pending = true;
  const button = main.querySelector('[data-action="issue"], [data-action="retry"]');
  if (button) {
    button.disabled = true;
    button.textContent = t('issuing');
  }
  body.dataset.issuing = 'true';
  const request = {
    service: state.service.code,
    channel: 'kiosk',
    requestId: state.requestId,
    print: true,
  };
  if (state.priority) {
    request.priority = state.priority;
  }
  try {
    state.ticket = await withRetry(() => api.issue(state.device, request), {
      attempts: ISSUE_ATTEMPTS,
      delayMs: (attempt) => 1000 * attempt,
    });
    state.requestId = null;
    state.printTimedOut = false;
    issuedScreen();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setupScreen(serverText(e.detail || e.title));
    } else {
      errorScreen(e);
    }
  } finally {
    state.pending = false;
    delete body.dataset.issuing;
  }
}

export function toStart() {
  clearTimeout(state.printTimer);
  state.agency = null;
  state.service = null;
  state.priority = null;
  state.ticket = null;
  state.requestId = null;
  delete body.dataset.printStatus;
  if (lang() !== defaultLang) {
    setLang(defaultLang);
  }
  renderHeader();
  startScreen();
  refreshHall().then((changed) => changed && body.dataset.screen === 'start' && startScreen());
}

/**
 * The hall's configuration changed (a new service, a quota, the running text): read it again and
 * redraw the screen a visitor is choosing on; a ticket on screen or a confirmation stays as it is.
 */
export async function hallChanged() {
  if (!(await refreshHall())) {
    return;
  }
  const screen = body.dataset.screen;
  if (screen === 'start' || (screen === 'services' && !currentAgency())) {
    startScreen();
  } else if (screen === 'services') {
    servicesScreen();
  }
}

/** Fetches the hall again; true when anything a visitor sees has changed. */
export async function refreshHall() {
  try {
    const fresh = await api.hall();
    const changed = JSON.stringify(fresh) !== JSON.stringify(state.hall);
    state.hall = fresh;
    if (changed) {
      renderHeader();
    }
    return changed;
  } catch (e) {
    // keep the last known hall: the kiosk stays usable, and issuing reports its own errors
    return false;
  }
}
