// The SKM questionnaire as one short form, shared by the phone page (track.js) and the counter's
// tablet (survey.js): nine questions with four big labelled answers each, the optional profile
// and comment, one send. What it sends is the body of POST /api/v1/surveys without the ticket.
// State a test needs is mirrored as data attributes: the form's data-answered (0-9), each
// answer button's aria-pressed, and data-state (ready|sending|failed) on the form.

import { h } from '/web/common/dom.js';
import { ApiError } from '/web/common/http.js';
import { serverText } from './messages.js';
import { element, profileFields, st } from './survey-messages.js';

const MAX_COMMENT = 500;

/**
 * @param {object} o
 * @param {string} o.lang 'id' or 'en'
 * @param {(body: object) => Promise<void>} o.send sends {answers, profile?, comment?}
 * @param {() => void} o.onSent after the server stored it (or said it already had one)
 * @param {() => void} [o.onTouch] on every tap or keystroke (the tablet's idle timer)
 */
export function surveyForm({ lang, send, onSent, onTouch = () => {} }) {
  const answers = Array(9).fill(0);
  const profile = {};
  let comment = '';
  let current = lang;
  const root = h('form', { class: 'survey-form', dataset: { state: 'ready', answered: '0' }, novalidate: true });
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  root.addEventListener('input', onTouch);
  root.addEventListener('click', onTouch);

  function draw() {
    const progress = h('p', { class: 'survey-progress', 'aria-live': 'polite' });
    const sendButton = h('button', { class: 'primary survey-send', type: 'submit', dataset: { action: 'send-survey' } });
    const error = h('p', { class: 'survey-error', role: 'alert' });
    const refresh = () => {
      const n = answers.filter(Boolean).length;
      root.dataset.answered = String(n);
      progress.textContent = st(current, 'progress', n);
      sendButton.disabled = n < 9 || root.dataset.state === 'sending';
      sendButton.textContent = root.dataset.state === 'sending' ? st(current, 'sending')
        : n < 9 ? st(current, 'sendAll') : st(current, 'send');
    };
    const questions = answers.map((_, i) => {
      const [name, question, labels] = element(current, i);
      const buttons = labels.map((label, k) => h('button', {
        class: 'survey-answer', type: 'button', 'aria-pressed': String(answers[i] === k + 1),
        dataset: { score: String(k + 1) },
        onclick: (e) => {
          answers[i] = k + 1;
          e.currentTarget.parentElement.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed',
            String(b === e.currentTarget)));
          refresh();
        },
      }, h('span', { class: 'score', 'aria-hidden': 'true' }, String(k + 1)), h('span', { class: 'answer-label' }, label)));
      return h('li', { class: 'survey-question', dataset: { element: String(i + 1) } },
        h('p', { class: 'q-meta' }, `${st(current, 'question', i + 1)} · ${name}`),
        h('h3', { class: 'q-text', id: `q${i + 1}` }, question),
        h('div', { class: 'survey-answers', role: 'group', 'aria-labelledby': `q${i + 1}` }, buttons));
    });
    const fields = profileFields(current).map(([code, label, choices]) => h('fieldset', { class: 'profile-field' },
      h('legend', {}, label),
      h('div', { class: 'chips' }, choices.map(([choice, text]) => h('button', {
        class: 'chip', type: 'button', 'aria-pressed': String(profile[code] === choice), dataset: { field: code, choice },
        onclick: (e) => {
          profile[code] = profile[code] === choice ? undefined : choice;
          e.currentTarget.parentElement.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed',
            String(profile[code] === b.dataset.choice)));
        },
      }, text)))));
    const textarea = h('textarea', { id: 'survey-comment', rows: 3, maxlength: MAX_COMMENT, dataset: { field: 'comment' } });
    textarea.value = comment;
    textarea.addEventListener('input', () => { comment = textarea.value; });
    root.replaceChildren(
      h('ol', { class: 'survey-questions' }, questions),
      h('details', { class: 'survey-profile' }, h('summary', {}, st(current, 'profileTitle')), fields),
      h('label', { class: 'survey-comment', for: 'survey-comment' }, st(current, 'commentLabel')),
      textarea,
      h('p', { class: 'survey-hint' }, st(current, 'commentHint')),
      error,
      progress,
      sendButton);
    root.refresh = refresh;
    root.showError = (text) => { error.textContent = text; };
    refresh();
  }

  async function submit() {
    if (answers.some((a) => !a) || root.dataset.state === 'sending') {
      return;
    }
    const body = { answers: [...answers] };
    const chosen = Object.fromEntries(Object.entries(profile).filter(([, v]) => v));
    if (Object.keys(chosen).length) {
      body.profile = chosen;
    }
    if (comment.trim()) {
      body.comment = comment.trim().slice(0, MAX_COMMENT);
    }
    root.dataset.state = 'sending';
    root.showError('');
    root.refresh();
    try {
      await send(body);
      onSent();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SURVEY_EXISTS') {
        onSent();
        return;
      }
      root.dataset.state = 'failed';
      root.showError(`${st(current, 'failed')} ${e instanceof ApiError ? serverText(e.detail || e.title) : st(current, 'tryAgain')}`);
      root.refresh();
    }
  }

  draw();
  return {
    el: root,
    setLang(l) {
      current = l;
      draw();
    },
  };
}
