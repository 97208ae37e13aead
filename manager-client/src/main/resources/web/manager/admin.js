// The shell of the administration pages: sign-in (administrators only; the manager pages' sign-in
// of this tab carries over), the bar and tabs (admin-nav.js, shared with /admin/config), and the
// refusal messages by code. Each page calls startAdminPage with what it draws.

import { t, translate, serverText } from './admin-messages.js';
import { adminApi, session, saveSession, whenUnauthorized } from './admin-api.js';
import { drawAdminNav } from './admin-nav.js';
import { ApiError, NetworkError } from '/web/common/http.js';

const $ = (id) => document.getElementById(id);

/** A refusal as the person should read it: the text for its code, else the server's detail. */
export function refusal(e) {
  if (e instanceof NetworkError) {
    return t('unreachable');
  }
  if (e instanceof ApiError) {
    return t(`errors.${e.code}`) ?? (serverText(e.detail) || e.message);
  }
  return String(e?.message ?? e);
}

/** Shows text in the element (a role=alert or role=status box); '' hides it. */
export function say(box, text, good = false) {
  box.textContent = text;
  box.hidden = !text;
  box.classList.toggle('good', good);
}

/**
 * @param {object} page
 * @param {string} page.name users | devices | audit (the tab marked current)
 * @param {() => Promise<void>} page.show draws the page for a signed-in admin
 * @param {() => void} [page.relabel] redraws texts drawn by code after a language change
 */
export function startAdminPage(page) {
  const nav = drawAdminNav({
    page: page.name,
    onLanguage: () => {
      translate();
      page.relabel?.();
    },
    onSignOut: async () => {
      await adminApi.logout();
      saveSession(null);
      showLogin(null);
    },
  });

  function view(v) {
    $('view-login').hidden = v !== 'login';
    $('view-page').hidden = v !== 'page';
    document.body.dataset.view = v;
    nav.signedIn(session()?.user ?? null);
  }

  function showLogin(key) {
    view('login');
    say($('login-message'), key ? t(key) : '');
    $('password').value = '';
    $('username').focus();
  }

  async function enter() {
    const s = session();
    if (!s) {
      showLogin(null);
      return;
    }
    if (s.user.role !== 'admin') {
      view('login');
      say($('login-message'), t('adminsOnly'));
      return;
    }
    view('page');
    await page.show();
  }

  whenUnauthorized(() => {
    saveSession(null);
    showLogin('sessionEnded');
  });

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const s = await adminApi.login($('username').value.trim(), $('password').value);
      saveSession(s);
      await enter();
    } catch (e) {
      say($('login-message'), e instanceof ApiError && e.status === 401 ? t('wrongLogin') : refusal(e));
    }
  });
  translate();
  enter().catch((e) => say($('page-message'), refusal(e)));
}

/** A time as the hall reads it: in timeZone (the hall's) when given, else the browser's zone. */
export function when(iso, timeZone) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString(t('locale'), {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    timeZone: timeZone || undefined,
  });
}
