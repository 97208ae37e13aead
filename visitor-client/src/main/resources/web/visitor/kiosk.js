// The self-service kiosk ("anjungan mandiri"): agency -> service -> (priority) -> number, with
// the printer's progress followed live. The state a test needs is mirrored on <body> as data
// attributes: screen (setup|start|services|confirm|issued|error), printStatus
// (printing|printed|failed|none) and printer (the printer's last reported state).
import { api, live } from './api.js';
import { ApiError, retryable, uuid, withRetry } from '/web/common/http.js';
import { h } from '/web/common/dom.js';
import { hallDateTime, lang, PRIORITIES, priorityName, serverText, setLang, t } from './messages.js';

const DEVICE_KEY = 'antre.kiosk.device';
const KIOSK_KEY = 'antre.kiosk.id';
/** From this many people waiting the visitor is asked whether to go on. */
const MANY_WAITING = 15;
const IDLE_SECONDS = 60;
const ISSUED_SECONDS = 20;
const PRINT_FAILED_SECONDS = 60;
/** A ticket that has not come out by then is treated as not printed: nobody should wait at a silent printer. */
const PRINT_TIMEOUT_MS = 15000;
const ISSUE_ATTEMPTS = 3;
const PRINTER_PROBLEMS = new Set(['PAPER_OUT', 'COVER_OPEN', 'OFFLINE', 'AGENT_OFFLINE']);

const body = document.body;
const main = document.getElementById('screen');
const params = new URLSearchParams(location.search);
const defaultLang = params.get('lang') === 'en' ? 'en' : 'id';

const device = takeDeviceToken();
const kioskId = takeParam('kiosk', KIOSK_KEY) || 'kiosk-1';

const state = {
  hall: null,
  agency: null,
  service: null,
  priority: null,
  requestId: null,
  pending: false,
  ticket: null,
  printer: null,
  /** Last print-job status per ticket id: an event may arrive before the issue answer does. */
  jobs: new Map(),
  printTimer: 0,
};

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

// ------------------------------------------------------------------ screens

function show(name, section) {
  body.dataset.screen = name;
  section.classList.add('screen', `screen-${name}`);
  main.replaceChildren(section);
  main.scrollTop = 0;
  // keyboard and screen-reader users start at the new screen's heading
  const heading = section.querySelector('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

function setupScreen(extra) {
  renderHeader();
  show('setup', h('section', {},
    h('div', { class: 'notice notice-warn setup' },
      h('h2', {}, t('setupTitle')),
      extra ? h('p', { class: 'strong' }, extra) : null,
      h('p', {}, t('setupBody')),
      h('p', {}, t('setupHelp')))));
}

function startScreen() {
  const hall = state.hall;
  const tiles = hall.agencies.map((a) => {
    const open = a.services.filter((s) => s.openNow).length;
    const waiting = a.services.reduce((n, s) => n + (s.waiting || 0), 0);
    return h('button', {
      class: `tile agency${open === 0 ? ' muted' : ''}`,
      type: 'button',
      dataset: { agency: a.code },
      onclick: () => chooseAgency(a.code),
    },
    h('span', { class: 'tile-name' }, a.name),
    a.fullName && a.fullName !== a.name ? h('span', { class: 'tile-full' }, a.fullName) : null,
    h('span', { class: 'tile-meta' },
      open === 0 ? t('allClosed') : `${t('servicesCount', a.services.length)} · ${t('waitingTotal', waiting)}`));
  });
  show('start', h('section', {},
    h('div', { class: 'intro' },
      h('h1', {}, t('welcome')),
      h('p', { class: 'lead' }, t('chooseAgency'))),
    printerBanner(),
    h('div', { class: `tiles count-${tiles.length}` }, tiles)));
  idle(null);
}

function servicesScreen() {
  const agency = currentAgency();
  if (!agency) {
    toStart();
    return;
  }
  const cards = agency.services.map(serviceCard);
  show('services', h('section', {},
    h('div', { class: 'screen-head' },
      backButton(() => toStart()),
      h('div', {},
        h('h1', {}, agency.name),
        h('p', { class: 'lead' }, t('chooseService')))),
    printerBanner(),
    cards.length ? h('div', { class: 'services' }, cards) : h('p', { class: 'notice' }, t('noServices'))));
  idle(IDLE_SECONDS);
}

function serviceCard(s) {
  const full = s.quotaLeft <= 0;
  const closed = !!s.closedReason;
  const available = s.openNow && !full && !closed;
  const docs = s.documents?.length ? `${t('bring')} ${s.documents.join(', ')}` : t('nothingToBring');
  const content = [
    h('span', { class: 'prefix', 'aria-hidden': 'true' }, s.prefix),
    h('span', { class: 'service-body' },
      h('span', { class: 'service-name' }, s.name),
      available
        ? h('span', { class: 'service-meta' },
          h('span', { class: 'pill' }, t('waiting', s.waiting)),
          h('span', { class: 'pill pill-quiet' }, t('quotaLeft', s.quotaLeft)))
        : h('span', { class: 'service-meta' },
          h('span', { class: 'pill pill-stop', dataset: { reason: closed ? 'closed' : 'quota' } },
            closed ? `${t('closed')}: ${lang() === 'en' && s.closedReasonEn ? s.closedReasonEn : s.closedReason}`
              : t('quotaFull')),
          closed && s.opensAt ? h('span', { class: 'pill pill-quiet' }, t('opensAt', hallDateTime(s.opensAt))) : null),
      h('span', { class: 'service-docs' }, docs)),
  ];
  if (!available) {
    return h('div', {
      class: 'service unavailable',
      'aria-disabled': 'true',
      dataset: { service: s.code, available: 'false' },
    }, content);
  }
  return h('button', {
    class: 'service',
    type: 'button',
    dataset: { service: s.code, available: 'true' },
    onclick: () => chooseService(s.code),
  }, content, h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'));
}

function confirmScreen() {
  const s = state.service;
  const agency = currentAgency();
  const many = (s.waiting || 0) >= MANY_WAITING;
  const choice = (code, label) => h('button', {
    class: 'choice',
    type: 'button',
    role: 'radio',
    'aria-checked': String(state.priority === code),
    dataset: { priority: code || 'none' },
    onclick: (e) => {
      state.priority = code;
      for (const b of e.currentTarget.parentElement.children) {
        b.setAttribute('aria-checked', String(b === e.currentTarget));
      }
    },
  }, h('span', { class: 'radio', 'aria-hidden': 'true' }), label);
  const issueButton = h('button', {
    class: 'primary big',
    type: 'button',
    dataset: { action: 'issue' },
    onclick: () => issue(),
  }, many ? t('takeNumberAnyway') : t('takeNumber'));
  show('confirm', h('section', {},
    h('div', { class: 'screen-head' },
      backButton(() => servicesScreen()),
      h('div', {},
        h('h1', {}, t('confirmTitle')),
        h('p', { class: 'lead' }, agency ? agency.name : ''))),
    h('div', { class: 'chosen' },
      h('span', { class: 'prefix', 'aria-hidden': 'true' }, s.prefix),
      h('span', { class: 'service-body' },
        h('span', { class: 'service-name' }, s.name),
        h('span', { class: 'service-docs' },
          s.documents?.length ? `${t('bring')} ${s.documents.join(', ')}` : t('nothingToBring')))),
    many ? h('div', { class: 'notice notice-warn', role: 'status', dataset: { notice: 'many-waiting' } },
      h('p', { class: 'strong' }, t('manyWaiting', s.waiting)),
      h('p', {}, t('manyWaitingHint'))) : null,
    h('fieldset', { class: 'priority' },
      h('legend', {}, t('priorityQuestion')),
      h('div', { class: 'choices', role: 'radiogroup' },
        choice(null, t('priorityNone')),
        PRIORITIES.map((p) => choice(p, priorityName(p)))),
      h('p', { class: 'hint' }, t('priorityHint'))),
    h('div', { class: 'actions' }, issueButton)));
  idle(IDLE_SECONDS);
}

function issuedScreen() {
  const tk = state.ticket;
  const agency = state.hall.agencies.find((a) => a.code === tk.agency);
  const service = agency?.services.find((s) => s.code === tk.service);
  const docs = service?.documents || [];
  show('issued', h('section', {},
    h('div', { class: 'ticket' },
      h('h1', { class: 'label' }, t('yourNumber')),
      h('p', { class: 'number', dataset: { number: tk.number } }, tk.number),
      h('p', { class: 'ticket-service' }, tk.serviceName || service?.name || tk.service,
        agency ? h('span', { class: 'ticket-agency' }, ` · ${agency.name}`) : null),
      tk.priority ? h('p', { class: 'priority-tag' }, t('priorityTicket', priorityName(tk.priority))) : null,
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, t('aheadLabel')), h('dd', { dataset: { ahead: tk.ahead } }, t('aheadValue', tk.ahead))),
        h('div', {}, h('dt', {}, t('estimateLabel')), h('dd', {}, t('estimateValue', tk.estimatedWaitMinutes)))),
      h('p', { class: 'wait-note' }, t('waitForCall'))),
    h('div', { class: 'print-status', role: 'status', 'aria-live': 'polite', id: 'print-status' }),
    h('div', { class: 'qr-box' },
      h('div', { class: 'qr', id: 'qr' }, qrImage(tk.trackingToken, t('scanToFollow'))),
      h('p', {}, t('scanToFollow'))),
    h('div', { class: 'docs' },
      h('h2', {}, t('bringTitle')),
      docs.length ? h('ul', {}, docs.map((d) => h('li', {}, d))) : h('p', {}, t('nothingToBring'))),
    h('div', { class: 'actions issued-actions' },
      h('p', { class: 'countdown', id: 'countdown', 'aria-live': 'off' }),
      h('button', { class: 'secondary big', type: 'button', dataset: { action: 'done' }, onclick: () => toStart() },
        t('done')))));
  renderPrint();
}

/**
 * The QR code of the ticket's tracking address, drawn by the server as SVG. The ticket was just
 * issued, so the server is reachable; a load lost on the way is tried again every 2 s, because
 * when the printer fails this code is the visitor's only ticket.
 */
function qrImage(trackingToken, label) {
  const src = `/api/v1/tickets/${encodeURIComponent(trackingToken)}/qr.svg`;
  const img = h('img', { src, alt: label, width: 360, height: 360 });
  img.addEventListener('error', () => setTimeout(() => {
    if (img.isConnected) {
      img.src = `${src}?retry=${Date.now()}`;
    }
  }, 2000));
  return img;
}

/** A refusal the visitor can act on, or "try again" for anything else (unreachable, 502-504, a fault here). */
function errorScreen(e) {
  const problem = e instanceof ApiError ? e : null;
  const network = !problem || retryable(problem);
  const text = network ? t('errorNetwork') : serverText(problem.detail || problem.title) || problem.message;
  show('error', h('section', {},
    h('div', { class: 'notice notice-stop error-box', role: 'alert' },
      h('h1', {}, t('errorTitle')),
      h('p', { class: 'error-detail', dataset: { code: problem ? problem.code : 'NETWORK' } }, text)),
    h('div', { class: 'actions' },
      network
        ? h('button', { class: 'primary big', type: 'button', dataset: { action: 'retry' }, onclick: () => issue() },
          t('tryAgain'))
        : h('button', { class: 'primary big', type: 'button', dataset: { action: 'services' },
          onclick: () => refreshHall().then(servicesScreen) }, t('chooseService')),
      h('button', { class: 'secondary big', type: 'button', dataset: { action: 'start' }, onclick: () => toStart() },
        t('toStart')))));
  idle(IDLE_SECONDS);
}

function backButton(onclick) {
  return h('button', { class: 'back', type: 'button', dataset: { action: 'back' }, onclick },
    h('span', { 'aria-hidden': 'true' }, '‹ '), t('back'));
}

function printerBanner() {
  return PRINTER_PROBLEMS.has(state.printer)
    ? h('p', { class: 'notice notice-warn printer-banner', role: 'status' }, t('printerProblem'))
    : null;
}

// ------------------------------------------------------------------ actions

function currentAgency() {
  return state.hall?.agencies.find((a) => a.code === state.agency);
}

function chooseAgency(code) {
  state.agency = code;
  servicesScreen();
  // the numbers on the tiles may be a minute old: show the latest as soon as they arrive
  refreshHall().then((changed) => changed && body.dataset.screen === 'services' && state.agency === code
    && servicesScreen());
}

function chooseService(code) {
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
async function issue() {
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
    state.ticket = await withRetry(() => api.issue(device, request), {
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

function toStart() {
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

/** Fetches the hall again; true when anything a visitor sees has changed. */
async function refreshHall() {
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

// ------------------------------------------------------------------ printing

function onLive(msg) {
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

function renderPrint() {
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
function idle(seconds) {
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
function countdown(seconds) {
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

// ------------------------------------------------------------------ header and clock

function renderHeader() {
  const hall = state.hall;
  document.getElementById('hall-name').textContent = hall?.name || t('kioskTitle');
  document.getElementById('hall-subtitle').textContent = hall?.subtitle || '';
  const toggle = document.getElementById('lang');
  toggle.textContent = t('otherLang');
  toggle.setAttribute('lang', lang() === 'en' ? 'id' : 'en');
  const running = document.getElementById('running');
  running.textContent = hall?.runningText || '';
  running.parentElement.hidden = !running.textContent;
  document.title = `${t('kioskTitle')} — ${hall?.name || 'Antre'}`;
  tick();
}

function tick() {
  const el = document.getElementById('clock');
  const tz = state.hall?.timeZone;
  let parts;
  try {
    parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: tz || undefined, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  } catch (e) {
    return;
  }
  const [date, time] = hallDateTime(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`)
    .split(/ (?=\d+[.:]\d+$)/);
  el.replaceChildren(h('span', { class: 'clock-time' }, time), h('span', { class: 'clock-date' }, date));
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
  } else if (screen === 'setup') setupScreen();
});
document.addEventListener('contextmenu', (e) => e.preventDefault());
setInterval(tick, 10000);

setLang(defaultLang);
renderHeader();
if (!device) {
  setupScreen();
} else {
  body.dataset.screen = 'loading';
  main.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  live({ type: 'subscribe', topics: [`printer:${kioskId}`], token: device }, onLive,
    (up) => { body.dataset.live = up ? 'on' : 'off'; });
  (async function load() {
    await refreshHall();
    if (!state.hall) {
      main.replaceChildren(h('p', { class: 'notice notice-warn' }, t('hallUnavailable')));
      setTimeout(load, 5000);
      return;
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
