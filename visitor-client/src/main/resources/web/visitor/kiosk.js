// The self-service kiosk ("anjungan mandiri"): agency -> service -> (priority) -> number, with
// the printer's progress followed live; and the check-in of a booking (kiosk-checkin.js). The state
// a test needs is mirrored on <body> as data attributes: screen
// (setup|start|services|confirm|issued|error|checkin|checkin-error), printStatus
// (printing|printed|failed|none) and printer (the printer's last reported state).
// This file keeps the device token and starts the kiosk; the screens (kiosk-screens.js), the
// visitor's actions (kiosk-actions.js), printing and timers (kiosk-printing.js) and the shared
// state (kiosk-state.js) are modules of their own.
import { live } from './api.js';
import { identify } from '/web/common/client.js';
import { h } from '/web/common/dom.js';
import { lang, setLang, t } from './messages.js';
import { body, defaultLang, main, state } from './kiosk-state.js';
import {
  confirmScreen, issuedScreen, renderHeader, servicesScreen, setupScreen, startScreen, tick,
} from './kiosk-screens.js';
import { hallChanged, refreshHall } from './kiosk-actions.js';
import { onLive } from './kiosk-printing.js';
import { checkInScreen } from './kiosk-checkin.js';

identify('kiosk');

const DEVICE_KEY = 'antre.kiosk.device';
const KIOSK_KEY = 'antre.kiosk.id';

const params = new URLSearchParams(location.search);

const device = takeDeviceToken();
const kioskId = takeParam('kiosk', KIOSK_KEY) || 'kiosk-1';

// ------------------------------------------------------------------ set-up

/** The device token arrives once as ?device=; it is kept and taken out of the address bar. */
function takeDeviceToken() {
  return takeParam('device', DEVICE_KEY);
}

function takeParam(name, key) {
  const given = params.get(name);
  if (given) {
    localStorage.setItem(key, given);
    if (name === 'device') {
      params.delete(name);
      const rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
    }
    return given;
  }
  return localStorage.getItem(key);
}

// ------------------------------------------------------------------ start

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'id' : 'en');
  renderHeader();
  // re-draw the current screen in the new language; the issued screen keeps its QR and countdown
  const screen = body.dataset.screen;
  if (screen === 'start') startScreen();
  else if (screen === 'services') servicesScreen();
  else if (screen === 'confirm') confirmScreen();
  else if (screen === 'issued') {
    const outcome = body.dataset.printStatus;
    issuedScreen();
    if (outcome) body.dataset.printStatus = outcome;
  } else if (screen === 'checkin') checkInScreen();
  else if (screen === 'setup') setupScreen(state.tokenRefused ? t('tokenRefused') : undefined);
});
document.addEventListener('contextmenu', (e) => e.preventDefault());
setInterval(tick, 10000);

state.device = device;
setLang(defaultLang);
renderHeader();
if (!device) {
  setupScreen();
  // the hall's name and time zone for the header: the clock shows the hall's time, not the PC's
  refreshHall().then(() => body.dataset.screen === 'setup' && setupScreen());
} else {
  body.dataset.screen = 'loading';
  main.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  // the hall topic: an administrator changed the configuration, the kiosk shows it at once
  live({ type: 'subscribe', topics: [`printer:${kioskId}`, 'hall'], token: device },
    (msg) => (msg.type === 'hall' ? hallChanged() : onLive(msg)),
    (up) => { body.dataset.live = up ? 'on' : 'off'; });
  (async function load() {
    await refreshHall();
    if (!state.hall) {
      main.replaceChildren(h('p', { class: 'notice notice-warn' }, t('hallUnavailable')));
      setTimeout(load, 5000);
      return;
    }
    if (state.tokenRefused) {
      return; // the set-up screen says why; staff reload the page with the right token
    }
    startScreen();
    // quotas and waiting counts change all day: refresh what an idle start screen shows
    setInterval(() => {
      if (body.dataset.screen === 'start') {
        refreshHall().then((changed) => changed && body.dataset.screen === 'start' && startScreen());
      }
    }, 30000);
  }());
}
