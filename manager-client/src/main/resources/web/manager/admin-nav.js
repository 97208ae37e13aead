// The bar and the tabs of the four administration pages (/admin/users, /admin/devices,
// /admin/audit, /admin/config), drawn here and nowhere else: the manager bar (back to the
// monitor, who is signed in, the language, sign-out) and the tabs with the current page marked.
// Their texts come from admin-messages.js and are set here, not through data-i18n, so a page with
// a message table of its own (the configuration page) can translate the rest of the document
// without touching them.

import { t, setLang, lang } from './admin-messages.js';
import { h } from '/web/common/dom.js';

const TABS = [
  { page: 'users', href: '/admin/users', key: 'navUsers' },
  { page: 'devices', href: '/admin/devices', key: 'navDevices' },
  { page: 'audit', href: '/admin/audit', key: 'navAudit' },
  { page: 'config', href: '/admin/config', key: 'navConfig' },
];

/**
 * Draws the bar into <header id="bar"> and the tabs into <nav id="nav">, keeping the ids the pages
 * and their tests know (#bar-user, #lang, #logout, #nav a[data-page]).
 * @param {object} o
 * @param {string} o.page users | devices | audit | config: the tab marked current
 * @param {(lang: string) => void} o.onLanguage after the language button changed the language: the page redraws its own texts
 * @param {() => void} o.onSignOut the sign-out button was pressed
 * @returns {{signedIn: (user: ?object) => void}} shows who is signed in and the sign-out button
 *   (nobody: null), and the tabs for an administrator
 */
export function drawAdminNav({ page, onLanguage, onSignOut }) {
  const brand = h('span');
  const monitor = h('a', { class: 'barlink', href: '/manager' });
  const who = h('span', { id: 'bar-user', class: 'who' });
  const language = h('button', {
    id: 'lang', class: 'link', type: 'button',
    onclick: () => {
      setLang(lang() === 'id' ? 'en' : 'id');
      label();
      onLanguage(lang());
    },
  });
  const signOut = h('button', { id: 'logout', class: 'link', type: 'button', hidden: true, onclick: onSignOut });
  const tabs = TABS.map((tab) => h('a', {
    href: tab.href, dataset: { page: tab.page }, 'aria-current': tab.page === page ? 'page' : null,
  }));
  const nav = document.getElementById('nav');

  function label() {
    brand.textContent = t('appName');
    monitor.textContent = t('toMonitor');
    language.textContent = t('language');
    language.setAttribute('aria-label', t('languageLabel'));
    signOut.textContent = t('signOut');
    nav.setAttribute('aria-label', t('navLabel'));
    tabs.forEach((a, i) => {
      a.textContent = t(TABS[i].key);
    });
  }

  document.getElementById('bar').replaceChildren(
    h('div', { class: 'brand' }, brand),
    h('div', { class: 'bar-right' }, monitor, who, language, signOut),
  );
  nav.replaceChildren(...tabs);
  nav.hidden = true;
  label();

  return {
    signedIn(user) {
      who.textContent = user ? user.displayName || user.username : '';
      signOut.hidden = !user;
      // the tabs lead to pages for administrators only; a manager reading the configuration has none
      nav.hidden = user?.role !== 'admin';
    },
  };
}
