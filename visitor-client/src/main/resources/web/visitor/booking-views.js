// The booking page's screens (see booking.js for the flow): start with "find my booking", the
// choosing steps, the visitor's details with the consent line, and the booking itself with its
// code, QR, arrival notes, cancel and move.
import { confirmDialog, h } from '/web/common/dom.js';
import { bookingQrSrc } from './api.js';
import { clock, dayName, lang, t } from './booking-messages.js';
import {
  askCancel, book, chooseAgency, chooseDay, chooseService, chooseSlot, find, forget, loadSlots, newBooking, refusal, show,
  startMove, toStart,
} from './booking.js';
import {
  bookableAgencies, bookingDays, currentAgency, findService, needs, relativeDay, savedCodes, state,
} from './booking-state.js';

const body = document.body;
const main = document.getElementById('main');

export function header() {
  document.getElementById('title').textContent = t('title');
  const toggle = document.getElementById('lang');
  toggle.textContent = t('otherLang');
  toggle.setAttribute('lang', lang() === 'en' ? 'id' : 'en');
}

function render(name, ...children) {
  header();
  body.dataset.screen = name;
  main.replaceChildren(...children.flat().filter(Boolean));
  document.title = `${t('title')} — ${state.hall?.name || 'Antre'}`;
  window.scrollTo(0, 0);
  const heading = main.querySelector('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

export function notice(text, kind = 'warn', code) {
  return h('p', { class: `notice notice-${kind}`, role: 'alert', dataset: code ? { code } : {} }, text);
}

/** The refusal waiting to be shown on this screen, once. */
function refusalNotice() {
  const r = state.refusal;
  return r ? h('p', { class: 'notice notice-stop refusal', role: 'alert', dataset: { code: r.code } }, r.text) : null;
}

function backButton(onclick) {
  return h('button', { class: 'back-link', type: 'button', dataset: { action: 'back' }, onclick },
    h('span', { 'aria-hidden': 'true' }, '‹ '), t('back'));
}

function step(n, title, lead) {
  const of = state.moving ? 2 : 5;
  return h('div', { class: 'step-head' },
    h('p', { class: 'step' }, state.moving ? t('rescheduleTitle') : t('stepOf', n, of)),
    h('h1', {}, title),
    lead ? h('p', { class: 'lead' }, lead) : null);
}

function choiceButton(attrs, name, sub) {
  return h('button', { class: 'pick', type: 'button', ...attrs },
    h('span', { class: 'pick-main' }, name), sub ? h('span', { class: 'pick-sub' }, sub) : null,
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'));
}

// ------------------------------------------------------------------ start

export function startScreen() {
  const input = h('input', {
    id: 'find-code', class: 'code-input', type: 'text', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', maxlength: 32, 'aria-label': t('findLabel'),
  });
  const form = h('form', { class: 'find', dataset: { form: 'find' } },
    h('label', { for: 'find-code', class: 'field-label' }, t('findLabel')),
    h('div', { class: 'find-row' }, input,
      h('button', { class: 'primary', type: 'submit', dataset: { action: 'find' } }, t('findButton'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    find(input.value);
  });
  const saved = savedCodes();
  const bookable = bookableAgencies().length > 0;
  render('start',
    h('section', { class: 'intro-card' },
      h('h1', {}, t('welcome')),
      h('p', { class: 'lead' }, t('welcomeLine')),
      bookable
        ? h('button', { class: 'primary wide', type: 'button', dataset: { action: 'new' }, onclick: newBooking },
          t('newBooking'))
        : notice(t('noBookable'))),
    h('section', { class: 'panel' },
      h('h2', {}, t('findTitle')),
      refusalNotice(),
      form,
      saved.length ? h('div', { class: 'saved' },
        h('p', { class: 'field-label' }, t('mine')),
        saved.map((code) => h('button', {
          class: 'saved-code', type: 'button', dataset: { saved: code }, onclick: () => show(code),
        }, code))) : null));
  state.refusal = null;
}

// ------------------------------------------------------------------ choosing

export function agenciesScreen() {
  render('agencies',
    backButton(toStart),
    step(1, t('chooseAgency')),
    h('div', { class: 'picks' }, bookableAgencies().map((a) => choiceButton(
      { dataset: { agency: a.code }, onclick: () => chooseAgency(a.code) },
      a.name, `${a.fullName && a.fullName !== a.name ? `${a.fullName} · ` : ''}${t('servicesBookable', a.services.length)}`))));
}

export function servicesScreen() {
  const agency = currentAgency();
  render('services',
    backButton(() => history.back()),
    step(2, t('chooseService'), agency?.name),
    h('div', { class: 'picks' }, (agency?.services || []).map((s) => choiceButton(
      { dataset: { service: s.code }, onclick: () => chooseService(s.code) },
      s.name, s.documents?.length ? s.documents.join(', ') : t('nothingToBring')))));
}

export function daysScreen() {
  const s = state.service;
  const days = bookingDays(s);
  render('days',
    backButton(() => history.back()),
    step(state.moving ? 1 : 3, t('chooseDay'), state.moving ? t('rescheduleLine', state.moving.code) : s.name),
    refusalNotice(),
    h('div', { class: 'picks days' }, days.map((d) => {
      const rel = relativeDay(d.day);
      return choiceButton({ dataset: { day: d.day }, onclick: () => chooseDay(d.day) },
        dayName(d.day, { year: false }), rel ? t(rel) : null);
    })));
  state.refusal = null;
}

export function slotsScreen() {
  const answer = state.slots;
  const slots = answer?.slots || [];
  let content;
  if (!answer) {
    content = h('p', { class: 'loading' }, t('loadingSlots'));
  } else if (state.refusal && !slots.length) {
    content = h('button', { class: 'secondary wide', type: 'button', dataset: { action: 'reload' },
      onclick: () => loadSlots() }, t('retry'));
  } else if (answer.open === false) {
    // not open for booking (yet, or any more): the server's reason, and when it opens if that is later
    const reason = lang() === 'en' ? answer.closedReasonEn || answer.closedReason : answer.closedReason;
    const later = answer.opensAt && Date.parse(answer.opensAt) > Date.now() - 86400000;
    content = notice([reason, later ? t('dayOpensAt', clockAndDay(answer.opensAt)) : null].filter(Boolean).join('. '),
      'warn', 'NOT_OPEN');
  } else if (!slots.length) {
    content = notice(t('noSlots'), 'warn', 'NO_SLOTS');
  } else {
    const allFull = slots.every((x) => x.left <= 0 || x.past);
    content = [
      allFull ? notice(t('allFull'), 'warn', 'ALL_FULL') : null,
      h('div', { class: 'slots' }, slots.map((x) => {
        const full = x.left <= 0;
        const gone = full || x.past;
        const time = `${clock(x.start)}${x.end ? `–${clock(x.end)}` : ''}`;
        return h('button', {
          class: `slot${full ? ' full' : ''}${x.past ? ' past' : ''}`, type: 'button', disabled: gone || state.pending,
          dataset: { slot: clock(x.start), left: String(x.left) },
          onclick: gone ? null : () => chooseSlot(x),
        }, h('span', { class: 'slot-time' }, time),
        h('span', { class: 'slot-left' }, x.past ? t('slotPast') : full ? t('slotFull') : t('slotLeft', x.left)));
      })),
    ];
  }
  render('slots',
    backButton(() => history.back()),
    step(state.moving ? 2 : 4, t('chooseSlot'), `${state.service?.name || ''} · ${dayName(state.day)}`),
    refusalNotice(),
    content);
  state.refusal = null;
}

/** "07.00, Senin 30 November" of a local date-time. */
function clockAndDay(iso) {
  return `${clock(iso)}, ${dayName(String(iso).slice(0, 10), { year: false })}`;
}

// ------------------------------------------------------------------ the visitor's details

export function detailsScreen() {
  const s = state.service;
  const wantNik = needs(s, 'nik');
  const wantPhone = needs(s, 'phone');
  const id = state.identity;
  const nik = h('input', {
    id: 'nik', name: 'nik', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 16,
    pattern: '[0-9]{16}', required: true, value: id.nik, 'aria-describedby': 'nik-error',
  });
  const phone = h('input', {
    id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20, required: true,
    value: id.phone, 'aria-describedby': 'phone-hint',
  });
  const consent = h('input', { id: 'consent', type: 'checkbox', required: true });
  consent.checked = id.consent;
  const fields = [wantNik ? t('fieldNik') : null, wantPhone ? t('fieldPhone') : null].filter(Boolean);
  // the server words what is collected, why and for how long; this page's own words stand in without it
  const consentText = state.slots?.consent?.[lang()];
  const problem = h('p', { class: 'field-error', id: 'nik-error', role: 'alert' });
  const submit = h('button', { class: 'primary wide', type: 'submit', dataset: { action: 'book' }, disabled: state.pending },
    state.pending ? t('booking') : t('book'));
  const form = h('form', { class: 'details', novalidate: true },
    fields.length ? [
      wantNik ? h('div', { class: 'field' }, h('label', { for: 'nik', class: 'field-label' }, t('nikLabel')), nik) : null,
      wantPhone ? h('div', { class: 'field' }, h('label', { for: 'phone', class: 'field-label' }, t('phoneLabel')), phone,
        h('p', { class: 'hint', id: 'phone-hint' }, t('phoneHint'))) : null,
      h('div', { class: 'consent', dataset: { consent: 'uu-27-2022' } },
        consentText ? h('p', {}, consentText) : [
          h('p', {}, t('consentWhat', fields.join(lang() === 'en' ? ' and ' : ' dan '))),
          h('p', {}, t('consentWhy')),
          h('p', {}, t('consentHow', state.slots?.consent?.retentionDays)),
          h('p', { class: 'law' }, t('consentLaw'))],
        h('label', { class: 'check', for: 'consent' }, consent, h('span', {}, t('consentAgree')))),
    ] : h('p', { class: 'hint' }, t('noIdentity')),
    problem,
    submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const entered = {
      nik: nik.value.replace(/\D/g, ''),
      phone: phone.value.trim(),
      consent: consent.checked,
    };
    // only the plain shape is checked here; whether a NIK is valid is the server's to say
    let why = '';
    if (wantNik && entered.nik.length !== 16) {
      why = t('nikShort');
    } else if (wantPhone && entered.phone.replace(/\D/g, '').length < 9) {
      why = t('phoneShort');
    } else if (fields.length && !entered.consent) {
      why = t('consentNeeded');
    }
    if (why) {
      problem.textContent = why;
      state.identity = entered;
      return;
    }
    book(entered);
  });
  const agency = findService(s.code).agency;
  render('details',
    backButton(() => history.back()),
    step(5, fields.length ? t('identityTitle') : t('confirmTitle')),
    h('dl', { class: 'summary' },
      h('div', {}, h('dt', {}, t('serviceLabel')), h('dd', {}, s.name, agency ? h('span', { class: 'sub' }, agency.name) : null)),
      h('div', {}, h('dt', {}, t('slotLabel')),
        h('dd', { dataset: { slot: clock(state.slot.start) } }, `${dayName(state.day)}, ${clock(state.slot.start)}`))),
    refusalNotice(),
    form);
  state.refusal = null;
}

// ------------------------------------------------------------------ the booking

/** A NIK or phone number as screens show it, whatever arrives: never more than the ends of it. */
export function masked(value, keepStart, keepEnd) {
  const text = String(value || '');
  const digits = text.replace(/\D/g, '');
  if (!text || /[*•]/.test(text) || digits.length <= keepStart + keepEnd) {
    return text;
  }
  return `${digits.slice(0, keepStart)}${'*'.repeat(digits.length - keepStart - keepEnd)}${digits.slice(-keepEnd)}`;
}

export function bookingScreen() {
  const b = state.booking;
  const { agency, service } = findService(b.service);
  const status = b.status || 'BOOKED';
  const open = status === 'BOOKED';
  const docs = b.documents || service?.documents || [];
  const nik = b.nikMasked || b.nik;
  const phone = b.phoneMasked || b.phone;
  const from = b.checkIn?.fromLocal;
  const until = b.checkIn?.toLocal;
  render('booking',
    h('section', { class: `code-card status-${status.toLowerCase()}`, dataset: { status } },
      h('p', { class: 'label' }, t('yourCode')),
      h('p', { class: 'code', dataset: { code: b.code } }, b.code),
      h('p', { class: 'code-status', role: 'status' }, h('strong', {}, t(`status.${status}`)),
        h('span', { class: 'sub' }, t(`statusLine.${status}`))),
      open ? h('div', { class: 'qr', id: 'qr' }, qrImage(b.code), h('p', {}, t('qrLabel'))) : null),
    h('dl', { class: 'summary' },
      h('div', {}, h('dt', {}, t('slotLabel')),
        h('dd', { dataset: { slot: clock(b.slot || b.slotStart) } },
          `${dayName(b.day)}, ${clock(b.slot || b.slotStart)}${b.slotEnd ? `–${clock(b.slotEnd)}` : ''}`)),
      h('div', {}, h('dt', {}, t('serviceLabel')),
        h('dd', {}, b.serviceName || service?.name || b.service, agency ? h('span', { class: 'sub' }, agency.name) : null)),
      nik ? h('div', {}, h('dt', {}, t('nikShown')), h('dd', { dataset: { nik: 'masked' } }, masked(nik, 4, 4))) : null,
      phone ? h('div', {}, h('dt', {}, t('phoneShown')), h('dd', { dataset: { phone: 'masked' } }, masked(phone, 4, 3))) : null),
    refusalNotice(),
    open ? h('section', { class: 'panel arrival' },
      h('h2', {}, t('arrivalTitle')),
      h('ol', {},
        h('li', {}, from && until ? t('arrivalWindow', clock(from), clock(until)) : t('arrivalWindowPlain')),
        h('li', {}, t('arrivalKiosk')),
        h('li', {}, t('arrivalTicket')),
        h('li', {}, t('arrivalLate')))) : null,
    open ? h('section', { class: 'panel docs' },
      h('h2', {}, t('bringTitle')),
      docs.length ? h('ul', {}, docs.map((d) => h('li', {}, d))) : h('p', {}, t('nothingToBring'))) : null,
    open ? h('div', { class: 'actions-col' },
      h('button', { class: 'secondary wide', type: 'button', dataset: { action: 'move' }, onclick: startMove }, t('reschedule')),
      h('button', { class: 'danger-outline', type: 'button', dataset: { action: 'cancel' }, onclick: askCancel }, t('cancel')))
      : h('div', { class: 'actions-col' },
        h('button', { class: 'primary wide', type: 'button', dataset: { action: 'new' }, onclick: newBooking }, t('bookAgain')),
        h('button', { class: 'secondary wide', type: 'button', dataset: { action: 'forget' }, onclick: () => forget(b.code) },
          t('forget'))),
    h('button', { class: 'back-link', type: 'button', dataset: { action: 'start' }, onclick: toStart }, t('toStart')),
    h('p', { class: 'privacy' }, open ? `${t('live')}. ${t('privacy')}` : t('privacy')));
  state.refusal = null;
}

/** The code's QR, drawn by the server; a load lost on a weak connection is tried again every 3 s. */
function qrImage(code) {
  const src = bookingQrSrc(code);
  const img = h('img', { src, alt: t('qrLabel'), width: 240, height: 240 });
  img.addEventListener('error', () => setTimeout(() => {
    if (img.isConnected) {
      img.src = `${src}?retry=${Date.now()}`;
    }
  }, 3000));
  return img;
}

export function cancelDialog(dialog, b, confirm) {
  confirmDialog(dialog, { question: t('cancelQuestion', b.code), warning: t('cancelWarning'), yes: t('cancelYes'),
    no: t('cancelNo'), confirm, failed: (e) => refusal(e).text });
}
