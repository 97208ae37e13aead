// The survey on the phone page, once the visit is DONE: an invitation, the form (survey-form.js)
// when the visitor taps it, then a thank-you. The server says whether the visit can still be
// answered (GET /api/v1/surveys/{token}), so a reload after answering never offers it again.
// <body data-survey> mirrors where it stands (open|form|sent|answered|closed), for tests.

import { h } from '/web/common/dom.js';
import { api } from './api.js';
import { surveyForm } from './survey-form.js';
import { st } from './survey-messages.js';

/**
 * @param token the visit's tracking token
 * @param lang () => the page's language now
 * @param rerender asks the page to draw itself again
 */
export function trackSurvey(token, lang, rerender) {
  const s = { status: null, loading: false, form: null };

  async function load() {
    s.loading = true;
    try {
      const r = await api.surveyStatus(token);
      s.status = r.answered ? 'answered' : r.open ? 'open' : 'closed';
    } catch {
      // not offered this time; the next refresh of the page asks again
    } finally {
      s.loading = false;
    }
    rerender();
  }

  function start() {
    s.status = 'form';
    s.form = surveyForm({
      lang: lang(),
      send: (body) => api.answerSurvey({ ticket: token, ...body }),
      onSent: () => {
        s.status = 'sent';
        s.form = null;
        rerender();
        window.scrollTo({ top: 0 });
      },
    });
    rerender();
    document.querySelector('.survey-card')?.scrollIntoView({ block: 'start' });
  }

  return {
    /** The survey's part of the page for a ticket in this status, or null. */
    view(status) {
      if (status !== 'DONE') {
        return null;
      }
      if (s.status === null && !s.loading) {
        load();
      }
      document.body.dataset.survey = s.status || 'loading';
      const l = lang();
      switch (s.status) {
        case 'open':
          return h('section', { class: 'survey-invite' },
            h('h2', {}, st(l, 'invite')),
            h('p', {}, st(l, 'inviteLine')),
            h('button', { class: 'primary', type: 'button', dataset: { action: 'start-survey' }, onclick: start },
              st(l, 'start')));
        case 'form':
          return h('section', { class: 'survey-card' }, h('h2', {}, st(l, 'title')), s.form.el);
        case 'sent':
          return h('section', { class: 'survey-thanks', role: 'status' },
            h('h2', {}, st(l, 'thanks')), h('p', {}, st(l, 'thanksLine')));
        case 'answered':
          return h('p', { class: 'survey-done' }, st(l, 'answered'));
        default:
          return null;
      }
    },
    setLang(l) {
      s.form?.setLang(l);
    },
  };
}
