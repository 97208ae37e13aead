// Building elements. Text is always set as text, never parsed as HTML, so nothing from the
// server can inject markup.

/** Builds an element: h('p', {class: 'x', onclick: f, dataset: {...}}, 'text', child, [more]). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** The short form: an element with a class (or none) and a text (or none). */
export function el(tag, cls, text) {
  return h(tag, { class: cls || null }, text);
}

/**
 * Asks before something that cannot be undone (cancelling a number or a booking): a modal with
 * the question, a warning, and No (focused) and Yes. Yes runs {@code confirm}; when it throws,
 * the dialog stays open with {@code failed(error)} as its message.
 */
export function confirmDialog(dialog, { question, warning, yes: yesText, no: noText, confirm, failed }) {
  const error = h('p', { class: 'cancel-error', role: 'alert' });
  const yes = h('button', { class: 'danger', type: 'button', dataset: { action: 'cancel-yes' } }, yesText);
  const no = h('button', { class: 'secondary', type: 'button', dataset: { action: 'cancel-no' },
    onclick: () => dialog.close() }, noText);
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await confirm();
    } catch (e) {
      yes.disabled = false;
      error.textContent = failed(e);
    }
  });
  dialog.replaceChildren(h('h2', {}, question), h('p', {}, warning), error, h('div', { class: 'dialog-actions' }, no, yes));
  dialog.showModal();
  no.focus();
}
