// The message-table helpers of every page. A page has one table, {id: {...}, en: {...}}, Bahasa
// Indonesia first: a text is a string or a function of the few values it needs, and Indonesian
// stands in for any text the English table lacks.

const LANG_KEY = 'antre.lang'; // one choice per browser, shared by the staff pages

/** A key's value in one language's table; "a.b" reaches into nested tables. */
function lookup(table, key) {
  return key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), table);
}

/** The language asked for once with ?lang=en or ?lang=id (and remembered), else the remembered one. */
export function rememberedLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'id') {
    localStorage.setItem(LANG_KEY, asked);
    return asked;
  }
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

/**
 * The helpers for one page's table, starting in lang. With remember, a language chosen later is
 * kept in localStorage for the next page load (see rememberedLang).
 */
export function i18n(messages, { lang = 'id', remember = false } = {}) {
  let current = lang;

  /** The text for a key, or null; a function is called with args. */
  const t = (key, ...args) => {
    let v = lookup(messages[current], key);
    if (v === undefined) {
      v = lookup(messages.id, key);
    }
    if (typeof v === 'function') {
      return v(...args);
    }
    return v === undefined ? null : v;
  };

  return {
    t,
    lang: () => current,

    setLang(l) {
      current = l === 'en' ? 'en' : 'id';
      if (remember) {
        localStorage.setItem(LANG_KEY, current);
      }
      document.documentElement.lang = current;
    },

    /** A label from a nested table, or the raw code when the table has none (a hall's own reason, a new state). */
    label: (table, code) => t(`${table}.${code}`) ?? code,

    /** A key's text in every language (plain texts only): to recognise words that came from elsewhere. */
    everyLanguage: (key) => Object.values(messages).map((table) => lookup(table, key))
      .filter((v) => typeof v === 'string'),

    /** Fills [data-i18n] elements under root with their text, [data-i18n-placeholder] and [data-i18n-label] likewise. */
    translate(root = document) {
      document.documentElement.lang = current;
      root.querySelectorAll('[data-i18n]').forEach((el) => {
        el.textContent = t(el.dataset.i18n);
      });
      root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
        el.placeholder = t(el.dataset.i18nPlaceholder);
      });
      root.querySelectorAll('[data-i18n-label]').forEach((el) => {
        el.setAttribute('aria-label', t(el.dataset.i18nLabel));
      });
    },

    /**
     * Server details come as "Indonesian (English)": the half that matches the screen. Text without
     * that shape is shown as it is.
     */
    serverText(detail) {
      if (!detail) {
        return '';
      }
      const m = /^(.*\S)\s+\(([^()]+)\)$/s.exec(detail);
      if (!m) {
        return detail;
      }
      return current === 'en' ? m[2] : m[1];
    },
  };
}
