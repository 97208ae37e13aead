// The hall configuration as a form: each input edits one value of the hall file's JSON in place
// (what the page does not show is kept as it was), named by its path in the file
// ("agencies[0].services[1].prefix"), so a refusal from the server, which names that path, is
// shown next to the input it is about.

import { h } from '/web/common/dom.js';
import { t } from './config-messages.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// ------------------------------------------------------------ values

/** "agencies[0].services[1].prefix" as keys: ['agencies', 0, 'services', 1, 'prefix']. */
function keys(path) {
  return path.split('.').flatMap((part) => {
    const m = part.match(/^([^[]+)((?:\[\d+])*)$/);
    return [m[1], ...[...m[2].matchAll(/\[(\d+)]/g)].map((x) => Number(x[1]))];
  });
}

export function getAt(root, path) {
  return keys(path).reduce((o, k) => (o == null ? undefined : o[k]), root);
}

function setAt(root, path, value) {
  const ks = keys(path);
  let o = root;
  for (const k of ks.slice(0, -1)) {
    if (o[k] == null) {
      o[k] = {};
    }
    o = o[k];
  }
  const last = ks[ks.length - 1];
  if (value === undefined) {
    delete o[last];
  } else {
    o[last] = value;
  }
}

const split = (s, sep) => s.split(sep).map((x) => x.trim()).filter(Boolean);

/** How a value of the file is written in a text box, and read back (undefined: leave the key out). */
const KINDS = {
  text: { show: (v) => v ?? '', read: (s) => s },
  optional: { show: (v) => v ?? '', read: (s) => (s.trim() ? s : undefined) },
  int: { show: (v) => v ?? '', read: (s) => (s.trim() === '' ? undefined : (Number.isInteger(+s) ? +s : s)) },
  number: { show: (v) => v ?? '', read: (s) => (s.trim() === '' ? undefined : (Number.isFinite(+s) ? +s : s)) },
  list: { show: (v) => (v || []).join(', '), read: (s) => split(s, ',') },
  optionalList: { show: (v) => (v || []).join('; '), read: (s) => (split(s, ';').length ? split(s, ';') : undefined) },
  week: {
    show: (v) => (v ? DAYS.filter((d) => v[d]).map((d) => `${d} ${v[d]}`).join(', ') : ''),
    read: (s) => {
      if (!s.trim()) return undefined;
      const week = {};
      for (const part of split(s, ',')) {
        const [day, ...range] = part.split(/\s+/);
        week[day] = range.join(' ');
      }
      return week;
    },
  },
  weights: {
    show: (v) => (v ? Object.entries(v).map(([k, w]) => `${k}:${w}`).join(', ') : ''),
    read: (s) => {
      if (!s.trim()) return undefined;
      const out = {};
      for (const part of split(s, ',')) {
        const [code, w] = part.split(':').map((x) => x.trim());
        out[code] = Number.isInteger(+w) ? +w : w;
      }
      return out;
    },
  },
};

// ------------------------------------------------------------ building

/**
 * Draws the form for config into root. ctx: {readOnly, changed()} — changed() is called after
 * rows are added or removed, to draw the form again.
 */
export function renderForm(root, config, ctx) {
  const input = (path, label, kind = 'text', opts = {}) => {
    const k = KINDS[kind];
    const attrs = {
      id: `f-${path}`, dataset: { path }, value: k.show(getAt(config, path)), disabled: ctx.readOnly || opts.fixed,
      type: opts.type || 'text', placeholder: opts.placeholder || null, class: opts.cls || null,
      onchange: (e) => setAt(config, path, k.read(e.target.value)),
    };
    return h('label', { class: `field ${opts.wide ? 'wide' : ''}` }, h('span', {}, label), h('input', attrs),
      opts.hint ? h('small', { class: 'hint' }, opts.hint) : null);
  };
  const check = (path, label) => h('label', { class: 'field check' },
    h('input', {
      type: 'checkbox', id: `f-${path}`, dataset: { path }, checked: !!getAt(config, path), disabled: ctx.readOnly,
      onchange: (e) => setAt(config, path, e.target.checked),
    }), h('span', {}, label));
  const area = (path, label) => h('label', { class: 'field wide' }, h('span', {}, label),
    h('textarea', {
      id: `f-${path}`, dataset: { path }, rows: 2, disabled: ctx.readOnly,
      onchange: (e) => setAt(config, path, e.target.value.trim() ? e.target.value : undefined),
    }, getAt(config, path) ?? ''));
  const button = (label, onclick, cls = 'small') => (ctx.readOnly ? null
    : h('button', { type: 'button', class: cls, onclick }, label));
  const removeAt = (list, i) => button(t('remove'), () => { list.splice(i, 1); ctx.changed(); }, 'small danger');
  const section = (id, title, ...body) => h('section', { class: 'panel cfg', id: `sec-${id}`, dataset: { path: id } },
    h('h2', {}, title), ...body);

  config.holidays ??= [];
  config.routing ??= {};
  config.defaults ??= {};
  config.voice ??= {};
  const agencyCodes = config.agencies.map((a) => a.code);
  // what a service without a value of its own gets, shown greyed in its empty box
  const byDefault = (key, kind) => KINDS[kind].show(config.defaults[key]) || null;

  const hall = section('hall', t('secHall'), h('div', { class: 'row' },
    input('hall.name', t('name')), input('hall.subtitle', t('subtitle'), 'optional'),
    input('hall.timeZone', t('timeZone'), 'text', { fixed: true }),
    input('routing.priorityCap', t('priorityCap'), 'int', { type: 'number' }),
    input('routing.recallLimit', t('recallLimit'), 'int', { type: 'number' }),
    check('routing.transfersFirst', t('transfersFirst'))));

  const defaults = section('defaults', t('secDefaults'), h('div', { class: 'row' },
    input('defaults.hours', t('hours'), 'week', { hint: t('hoursHint'), wide: true }),
    input('fridayBreak', t('fridayBreak'), 'optional', { hint: t('fridayBreakHint') }),
    input('defaults.issuingOpensMinutesBefore', t('opensBefore'), 'int', { type: 'number' }),
    input('defaults.cutoffMinutesBeforeClose', t('cutoffBefore'), 'int', { type: 'number' }),
    input('defaults.targetWaitMinutes', t('targetWait'), 'int', { type: 'number' }),
    input('defaults.averageServiceMinutes', t('serviceMinutes'), 'number')));

  const agencies = section('agencies', t('secAgencies'), config.agencies.map((a, ai) => {
    const p = `agencies[${ai}]`;
    a.services ??= [];
    return h('fieldset', { class: 'agency', dataset: { path: p, agency: a.code } },
      h('legend', {}, a.code || '…'),
      h('div', { class: 'row' }, input(`${p}.code`, t('code'), 'text', { cls: 'code' }), input(`${p}.name`, t('name')),
        input(`${p}.fullName`, t('fullName'), 'optional', { wide: true }), removeAt(config.agencies, ai)),
      h('h3', {}, t('services')),
      a.services.map((s, si) => {
        const sp = `${p}.services[${si}]`;
        return h('div', { class: 'service', dataset: { path: sp, service: s.code } },
          h('div', { class: 'row' },
            input(`${sp}.code`, t('code'), 'text', { cls: 'code' }), input(`${sp}.prefix`, t('prefix'), 'text', { cls: 'tiny' }),
            input(`${sp}.name`, t('name'), 'text', { wide: true }),
            input(`${sp}.dailyQuota`, t('quota'), 'int', { type: 'number', cls: 'num' }),
            input(`${sp}.issuingCutoff`, t('cutoff'), 'optional', { cls: 'num' }),
            removeAt(a.services, si)),
          h('div', { class: 'row' },
            input(`${sp}.hours`, t('hours'), 'week', { hint: t('hoursHint'), wide: true, placeholder: byDefault('hours', 'week') }),
            input(`${sp}.targetWaitMinutes`, t('targetWait'), 'int',
              { type: 'number', cls: 'num', placeholder: byDefault('targetWaitMinutes', 'int') }),
            input(`${sp}.averageServiceMinutes`, t('serviceMinutes'), 'number',
              { cls: 'num', placeholder: byDefault('averageServiceMinutes', 'number') }),
            input(`${sp}.documents`, t('documents'), 'optionalList', { hint: t('documentsHint'), wide: true })));
      }),
      button(t('addService'), () => { a.services.push({ code: '', prefix: '', name: '', dailyQuota: 100 }); ctx.changed(); }));
  }), button(t('addAgency'), () => { config.agencies.push({ code: '', name: '', services: [] }); ctx.changed(); }));

  const counters = section('counters', t('secCounters'), h('div', { class: 'rows' }, config.counters.map((c, ci) => {
    const p = `counters[${ci}]`;
    return h('div', { class: 'row counter', dataset: { path: p, counter: c.id } },
      input(`${p}.id`, t('counterId'), 'text', { cls: 'tiny' }), input(`${p}.name`, t('name'), 'optional'),
      h('label', { class: 'field' }, h('span', {}, t('agency')), h('select', {
        id: `f-${p}.agency`, dataset: { path: `${p}.agency` }, disabled: ctx.readOnly,
        onchange: (e) => setAt(config, `${p}.agency`, e.target.value),
      }, agencyCodes.map((code) => h('option', { value: code, selected: code === c.agency }, code)))),
      input(`${p}.zone`, t('zone'), 'text', { cls: 'num' }),
      input(`${p}.services`, t('counterServices'), 'list', { hint: t('counterServicesHint'), wide: true }),
      input(`${p}.weights`, t('weights'), 'weights', { hint: t('weightsHint') }),
      removeAt(config.counters, ci));
  })), button(t('addCounter'), () => {
    config.counters.push({ id: '', agency: agencyCodes[0], zone: 'lantai-1', services: [] });
    ctx.changed();
  }));

  const holidays = section('holidays', t('secHolidays'), h('div', { class: 'rows' }, config.holidays.map((d, i) => {
    const p = `holidays[${i}]`;
    return h('div', { class: 'row', dataset: { path: p } }, input(`${p}.date`, t('date'), 'text', { type: 'date', cls: 'num' }),
      input(`${p}.name`, t('holidayName'), 'text', { wide: true }), removeAt(config.holidays, i));
  })), button(t('addHoliday'), () => { config.holidays.push({ date: '', name: '' }); ctx.changed(); }));

  const texts = section('texts', t('secTexts'), area('runningText', t('runningText')),
    h('div', { class: 'row' }, input('ticketFooter', t('ticketFooter'), 'optional', { wide: true }),
      input('outcomes', t('outcomes'), 'list', { hint: t('outcomesHint'), wide: true })));

  const voice = section('voice', t('secVoice'), h('div', { class: 'row' },
    h('label', { class: 'field' }, h('span', {}, t('reading')), h('select', {
      id: 'f-voice.reading', dataset: { path: 'voice.reading' }, disabled: ctx.readOnly,
      onchange: (e) => setAt(config, 'voice.reading', e.target.value),
    }, ['cardinal', 'digits'].map((r) => h('option', { value: r, selected: (config.voice.reading || 'cardinal') === r },
      t(r === 'digits' ? 'readingDigits' : 'readingCardinal'))))),
    check('voice.sayAgency', t('sayAgency'))));

  root.replaceChildren(hall, defaults, agencies, counters, holidays, texts, voice);
}

// ------------------------------------------------------------ refusals

export function clearErrors(root) {
  root.querySelectorAll('.field-error').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/**
 * Shows the server's message next to what the path names: the input with that path, or the
 * nearest enclosing one (a list, a section). Returns whether a place was found.
 */
export function showError(root, field, message) {
  let path = field || '';
  while (path) {
    const target = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (target) {
      // the message names the path; next to the field it is already clear which one
      const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
      const note = h('p', { class: 'field-error', role: 'alert' }, text);
      if (target.matches('input, select, textarea')) {
        target.setAttribute('aria-invalid', 'true');
        target.closest('label').append(note);
        target.focus({ preventScroll: true });
      } else {
        target.prepend(note);
      }
      note.scrollIntoView({ block: 'center' });
      return true;
    }
    path = path.replace(/(\.[^.[\]]+|\[\d+])$/, '');
  }
  return false;
}
