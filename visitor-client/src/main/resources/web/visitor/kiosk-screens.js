// The kiosk's screens: set-up, agencies, services, confirm with priority, the issued ticket with
// its QR code, errors; and the header with the clock.
import { ApiError, retryable } from '/web/common/http.js';
import { h } from '/web/common/dom.js';
import { hhmm } from '/web/common/time.js';
import { hallDateTime, lang, PRIORITIES, priorityName, serverText, t } from './messages.js';
import { body, currentAgency, IDLE_SECONDS, main, MANY_WAITING, PRINTER_PROBLEMS, state } from './kiosk-state.js';
import { chooseAgency, chooseService, issue, refreshHall, toStart } from './kiosk-actions.js';
import { idle, renderPrint } from './kiosk-printing.js';
import { bookedAt, checkInEntry } from './kiosk-checkin.js';

export function show(name, section) {
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

export function setupScreen(extra) {
  renderHeader();
  show('setup', h('section', {},
    h('div', { class: 'notice notice-warn setup' },
      h('h2', {}, state.tokenRefused ? t('tokenRefusedTitle') : t('setupTitle')),
      extra ? h('p', { class: 'strong' }, extra) : null,
      state.tokenRefused ? null : h('p', {}, t('setupBody')),
      h('p', {}, t('setupHelp')))));
}

export function startScreen() {
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
    h('div', { class: `tiles count-${tiles.length}` }, tiles),
    checkInEntry()));
  idle(null);
}

export function servicesScreen() {
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
          closed && s.opensAt ? h('span', { class: 'pill pill-quiet', dataset: { opens: s.opensLaterToday ? 'today' : 'later' } },
            s.opensLaterToday ? t('opensToday', clockOf(s.opensAt)) : t('opensAt', hallDateTime(s.opensAt))) : null),
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

export function confirmScreen() {
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

export function issuedScreen() {
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
      bookedAt(tk) ? h('p', { class: 'priority-tag booking-tag', dataset: { booking: 'true' } }, bookedAt(tk)) : null,
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, t('aheadLabel')), h('dd', { dataset: { ahead: tk.ahead } }, t('aheadValue', tk.ahead))),
        h('div', {}, h('dt', {}, t('estimateLabel')), tk.countersOpen === 0
          ? h('dd', { dataset: { estimate: 'not-serving' } }, t('notServing'),
            tk.servingFrom ? h('span', { class: 'fact-sub' }, t('servingFrom', tk.servingFrom)) : null)
          : h('dd', { dataset: { estimate: tk.estimatedWaitMinutes } }, t('estimateValue', tk.estimatedWaitMinutes))),
        tk.where ? h('div', {}, h('dt', {}, t('whereLabel')), h('dd', { dataset: { where: tk.where } }, tk.where)) : null),
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
export function errorScreen(e) {
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

/** "07.45" of a local date-time from the server, already in the hall's zone. */
function clockOf(iso) {
  const m = /T(\d{2}):(\d{2})/.exec(iso || '');
  return m ? hhmm(m[1], m[2]) : '';
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

// ------------------------------------------------------------------ header and clock

export function renderHeader() {
  const hall = state.hall;
  document.getElementById('hall-name').textContent = hall?.name || t('kioskTitle');
  document.getElementById('hall-subtitle').textContent = hall?.subtitle || '';
  const toggle = document.getElementById('lang');
  toggle.textContent = t('otherLang');
  toggle.setAttribute('lang', lang() === 'en' ? 'id' : 'en');
  const running = document.getElementById('running');
  if (running.textContent !== (hall?.runningText || '')) {
    running.textContent = hall?.runningText || '';
    running.classList.remove('scrolling');
  }
  running.parentElement.hidden = !running.textContent;
  fitRunningText(running);
  document.title = `${t('kioskTitle')} — ${hall?.name || 'Antre'}`;
  tick();
}

/**
 * A running text wider than the screen scrolls, at about 8 characters a second, instead of being
 * cut. Measured once per text (a new text drops the class), so a header redraw never restarts it.
 */
function fitRunningText(running) {
  requestAnimationFrame(() => {
    if (running.textContent && !running.classList.contains('scrolling')
      && running.scrollWidth > running.clientWidth) {
      running.style.setProperty('--running-seconds', `${Math.max(12, Math.round(running.textContent.length / 8))}s`);
      running.classList.add('scrolling');
    }
  });
}

export function tick() {
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
