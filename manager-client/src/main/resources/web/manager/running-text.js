// The "Teks berjalan" panel: the running text the wall displays show now and, for managers, a
// textarea to set another one or to bring back the hall file's. The text shown follows /hall and
// then the WebSocket's `hall` topic, so another manager's change appears here too; it replaces
// what is in the textarea only while nobody has typed in it.

import { t, serverText } from './messages.js';
import { api } from './api.js';
import { ApiError } from '/web/common/http.js';

const $ = (id) => document.getElementById(id);
/** The server takes at most this many characters (Requests.MAX_STRING). */
const MAX_LENGTH = 500;

export class RunningTextEditor {
  /** @param {boolean} canEdit managers and admins; a supervisor only sees the text */
  constructor(canEdit) {
    this.canEdit = canEdit;
    this.current = null; // the text the displays run, null until the server said
    this.filledWith = ''; // what the textarea was last filled with: anything else is a draft
    this.busy = false;
    this.feedback = null; // the last save's outcome: {ok, text()}
    this.listeners = new AbortController(); // a new sign-in builds a new editor on the same elements
    const signal = this.listeners.signal;
    $('rt-text').maxLength = MAX_LENGTH;
    $('rt-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.save($('rt-text').value.trim());
    }, { signal });
    $('rt-reset').addEventListener('click', () => this.save(''), { signal });
    $('rt-text').addEventListener('input', () => this.render(), { signal });
  }

  stop() {
    this.listeners.abort();
  }

  /** The text the displays run now, from /hall, the `hall` topic or a save's answer. */
  set(text) {
    if (typeof text !== 'string') {
      return;
    }
    const area = $('rt-text');
    if (area.value === this.filledWith) {
      area.value = text;
      this.filledWith = text;
    }
    this.current = text;
    this.render();
  }

  /** Sends the text; an empty one restores the hall file's. */
  async save(text) {
    if (this.busy || !this.canEdit) {
      return;
    }
    this.busy = true;
    this.feedback = null;
    this.render();
    try {
      const answer = await api.runningText(text);
      $('rt-text').value = answer.runningText;
      this.filledWith = answer.runningText;
      this.set(answer.runningText);
      this.feedback = { ok: true, text: () => t(text ? 'runningSaved' : 'runningRestored') };
    } catch (e) {
      this.feedback = { ok: false, text: () => t('runningFailed', e instanceof ApiError
        ? (t(`errorCode.${e.code}`) || serverText(e.detail)) : t('networkError')) };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  render() {
    const shown = $('rt-current');
    shown.textContent = this.current === null ? t('none') : this.current || t('runningNone');
    shown.classList.toggle('muted', !this.current);
    $('rt-form').hidden = !this.canEdit;
    $('rt-hint').hidden = this.canEdit;
    const draft = $('rt-text').value;
    $('rt-count').textContent = t('runningCount', draft.length, MAX_LENGTH);
    $('rt-save').disabled = this.busy || !draft.trim() || draft.trim() === this.current;
    $('rt-reset').disabled = this.busy;
    $('rt-reset').title = t('runningResetHint');
    const feedback = $('rt-feedback');
    const said = this.feedback ? this.feedback.text() : '';
    if (feedback.textContent !== said) {
      feedback.textContent = said; // only a change is read out again
    }
    feedback.className = `feedback ${this.feedback?.ok ? 'ok' : 'bad'}`;
  }
}
