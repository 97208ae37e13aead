// Every text of the manager's hall monitor, Bahasa Indonesia first, English second.
// The language is kept per browser (localStorage 'antre.lang', shared with the counter terminal);
// ?lang=en or ?lang=id picks one once.

const MESSAGES = {
  id: {
    pageTitle: 'Pantauan Aula',
    appName: 'Antre · Manajer',
    language: 'English',
    languageLabel: 'Ganti bahasa ke English',
    locale: 'id-ID',
    // sign-in
    loginTitle: 'Masuk Manajer',
    loginHint: 'Pantauan langsung antrean, loket dan printer anjungan. Untuk manajer MPP dan koordinator instansi.',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    signIn: 'Masuk',
    signingIn: 'Memeriksa…',
    signOut: 'Keluar',
    wrongLogin: 'Nama pengguna atau kata sandi salah.',
    sessionEnded: 'Sesi Anda berakhir. Silakan masuk lagi.',
    notForRole: (role) => `Halaman ini hanya untuk manajer MPP dan koordinator instansi. Akun Anda `
      + `(${{ officer: 'petugas' }[role] ?? role}) dapat memakai Terminal Loket.`,
    toCounter: 'Buka Terminal Loket',
    // bar
    online: 'Terhubung',
    offline: 'Terputus — menyambung ulang…',
    offlineBanner: 'Koneksi ke server terputus. Angka di layar mungkin sudah lama; menyambung ulang…',
    scopeAgency: (name) => `Instansi: ${name}`,
    scopeHall: 'Seluruh aula',
    // summary
    sumWaiting: 'Menunggu',
    sumOldest: 'Tunggu terlama',
    sumCounters: 'Loket buka',
    sumPrinters: 'Printer bermasalah',
    of: (a, b) => `${a} dari ${b}`,
    minutes: (m) => `${m} mnt`,
    // queues
    queuesTitle: 'Antrean per layanan',
    colService: 'Layanan',
    colWaiting: 'Menunggu',
    colOldest: 'Terlama',
    colOpen: 'Loket buka',
    overTarget: (t) => `melewati target ${t} mnt`,
    targetIs: (t) => `target ${t} mnt`,
    serviceClosed: 'Tutup',
    noServices: 'Belum ada layanan.',
    // counters
    countersTitle: 'Loket',
    colCounter: 'Loket',
    colState: 'Status',
    colOfficer: 'Petugas',
    colCurrent: 'Nomor aktif',
    state: { OPEN: 'Buka', PAUSED: 'Jeda', CLOSED: 'Tutup' },
    pausedFor: (r) => `Jeda (${r})`,
    pauseReason: { istirahat: 'istirahat', sholat: 'sholat', rapat: 'rapat' },
    ticketStatus: { CALLED: 'dipanggil', SERVING: 'dilayani' },
    none: '—',
    noCounters: 'Belum ada loket.',
    // printers
    printersTitle: 'Printer anjungan',
    printer: {
      ONLINE: 'Siap', PAPER_NEAR_END: 'Kertas hampir habis', PAPER_OUT: 'Kertas habis', COVER_OPEN: 'Penutup terbuka',
      OFFLINE: 'Printer mati', AGENT_OFFLINE: 'Agen cetak terputus', UNKNOWN: 'Belum melapor',
    },
    lastReport: (when) => `Laporan terakhir ${when}`,
    pendingJobs: (n) => `${n} menunggu cetak`,
    failedJobs: (n) => `${n} gagal`,
    noPrinters: 'Belum ada printer anjungan yang melapor.',
    // print jobs
    jobsTitle: 'Kejadian cetak terbaru',
    jobsHint: 'Sejak halaman ini dibuka. Tiket yang gagal dicetak tetap berlaku.',
    jobsManagersOnly: 'Kejadian cetak dan pembatalan hanya untuk manajer MPP.',
    noJobs: 'Belum ada kejadian cetak.',
    job: { QUEUED: 'Menunggu cetak', SENT: 'Dikirim', PRINTED: 'Tercetak', FAILED: 'Gagal', CANCELLED: 'Dibatalkan' },
    jobLine: (number, kiosk) => `Tiket ${number} · ${kiosk}`,
    attempt: (n) => `percobaan ke-${n}`,
    error: {
      PAPER_OUT: 'kertas habis', PAPER_NEAR_END: 'kertas hampir habis', COVER_OPEN: 'penutup terbuka',
      OFFLINE: 'printer mati', TIMEOUT: 'printer tidak menjawab', DISCONNECTED: 'printer terputus',
    },
    preview: 'Pratinjau tiket',
    cancelJob: 'Batalkan',
    cancelled: (number) => `Cetak tiket ${number} dibatalkan.`,
    cancelFailed: (why) => `Tidak dapat membatalkan: ${why}`,
    // preview dialog
    previewTitle: (number) => `Pratinjau tiket ${number}`,
    paper: (mm) => `Kertas ${mm} mm`,
    previewLoading: 'Memuat pratinjau…',
    previewFailed: 'Pratinjau tidak dapat dimuat.',
    previewAlt: (number) => `Tiket ${number} seperti dicetak printer`,
    close: 'Tutup',
    // spoken to screen readers
    sayPrinter: (kiosk, state) => `Printer ${kiosk}: ${state}.`,
    sayJobFailed: (number) => `Cetak tiket ${number} gagal.`,
    // errors
    networkError: 'Server tidak dapat dihubungi.',
    errorCode: {
      FORBIDDEN: 'tidak diizinkan untuk akun ini.',
      INVALID_TRANSITION: 'tugas cetak ini sudah selesai atau dibatalkan.',
      NOT_FOUND: 'tugas cetak tidak ditemukan.',
      UNAVAILABLE: 'server sibuk, coba lagi.',
    },
  },
  en: {
    pageTitle: 'Hall Monitor',
    appName: 'Antre · Manager',
    language: 'Bahasa Indonesia',
    languageLabel: 'Switch language to Bahasa Indonesia',
    locale: 'en-GB',
    loginTitle: 'Manager Sign-in',
    loginHint: 'Live view of queues, counters and kiosk printers. For hall managers and agency supervisors.',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Checking…',
    signOut: 'Sign out',
    wrongLogin: 'Wrong username or password.',
    sessionEnded: 'Your session ended. Please sign in again.',
    notForRole: (role) => `This page is for hall managers and agency supervisors only. Your account (${role}) can `
      + 'use the Counter Terminal.',
    toCounter: 'Open the Counter Terminal',
    online: 'Connected',
    offline: 'Offline — reconnecting…',
    offlineBanner: 'Lost the connection to the server. The figures may be out of date; reconnecting…',
    scopeAgency: (name) => `Agency: ${name}`,
    scopeHall: 'Whole hall',
    sumWaiting: 'Waiting',
    sumOldest: 'Longest wait',
    sumCounters: 'Counters open',
    sumPrinters: 'Printers with problems',
    of: (a, b) => `${a} of ${b}`,
    minutes: (m) => `${m} min`,
    queuesTitle: 'Queues by service',
    colService: 'Service',
    colWaiting: 'Waiting',
    colOldest: 'Longest',
    colOpen: 'Counters',
    overTarget: (t) => `over the ${t} min target`,
    targetIs: (t) => `target ${t} min`,
    serviceClosed: 'Closed',
    noServices: 'No services yet.',
    countersTitle: 'Counters',
    colCounter: 'Counter',
    colState: 'State',
    colOfficer: 'Officer',
    colCurrent: 'Current',
    state: { OPEN: 'Open', PAUSED: 'Paused', CLOSED: 'Closed' },
    pausedFor: (r) => `Paused (${r})`,
    pauseReason: { istirahat: 'break', sholat: 'prayer', rapat: 'meeting' },
    ticketStatus: { CALLED: 'called', SERVING: 'serving' },
    none: '—',
    noCounters: 'No counters yet.',
    printersTitle: 'Kiosk printers',
    printer: {
      ONLINE: 'Ready', PAPER_NEAR_END: 'Paper low', PAPER_OUT: 'Out of paper', COVER_OPEN: 'Cover open',
      OFFLINE: 'Printer off', AGENT_OFFLINE: 'Print agent offline', UNKNOWN: 'Not reported yet',
    },
    lastReport: (when) => `Last report ${when}`,
    pendingJobs: (n) => `${n} waiting to print`,
    failedJobs: (n) => `${n} failed`,
    noPrinters: 'No kiosk printer has reported yet.',
    jobsTitle: 'Recent print events',
    jobsHint: 'Since this page was opened. A ticket that failed to print is still valid.',
    jobsManagersOnly: 'Print events and cancelling are for hall managers only.',
    noJobs: 'No print events yet.',
    job: { QUEUED: 'Waiting to print', SENT: 'Sent', PRINTED: 'Printed', FAILED: 'Failed', CANCELLED: 'Cancelled' },
    jobLine: (number, kiosk) => `Ticket ${number} · ${kiosk}`,
    attempt: (n) => `attempt ${n}`,
    error: {
      PAPER_OUT: 'out of paper', PAPER_NEAR_END: 'paper low', COVER_OPEN: 'cover open', OFFLINE: 'printer off',
      TIMEOUT: 'printer did not answer', DISCONNECTED: 'printer disconnected',
    },
    preview: 'Preview ticket',
    cancelJob: 'Cancel',
    cancelled: (number) => `Printing of ticket ${number} cancelled.`,
    cancelFailed: (why) => `Could not cancel: ${why}`,
    previewTitle: (number) => `Preview of ticket ${number}`,
    paper: (mm) => `${mm} mm paper`,
    previewLoading: 'Loading the preview…',
    previewFailed: 'The preview could not be loaded.',
    previewAlt: (number) => `Ticket ${number} as the printer prints it`,
    close: 'Close',
    sayPrinter: (kiosk, state) => `Printer ${kiosk}: ${state}.`,
    sayJobFailed: (number) => `Printing ticket ${number} failed.`,
    networkError: 'Cannot reach the server.',
    errorCode: {
      FORBIDDEN: 'not allowed for this account.',
      INVALID_TRANSITION: 'this print job is already finished or cancelled.',
      NOT_FOUND: 'no such print job.',
      UNAVAILABLE: 'the server is busy, try again.',
    },
  },
};

function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'id') {
    localStorage.setItem('antre.lang', asked);
    return asked;
  }
  return localStorage.getItem('antre.lang') === 'en' ? 'en' : 'id';
}

let current = initialLang();

export function lang() {
  return current;
}

export function setLang(l) {
  current = l === 'en' ? 'en' : 'id';
  localStorage.setItem('antre.lang', current);
  document.documentElement.lang = current;
}

function lookup(table, key) {
  return key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), table);
}

/** The text for a key ("a.b" reaches into nested tables); functions are called with args. */
export function t(key, ...args) {
  let v = lookup(MESSAGES[current], key);
  if (v === undefined) {
    v = lookup(MESSAGES.id, key);
  }
  if (typeof v === 'function') {
    return v(...args);
  }
  return v === undefined ? null : v;
}

/** A key's text in every language (plain texts only): to recognise words that came from elsewhere. */
export function everyLanguage(key) {
  return Object.values(MESSAGES).map((table) => lookup(table, key)).filter((v) => typeof v === 'string');
}

/** A label from a nested table, or the raw code when the table has none (a hall's own reason, a new state). */
export function label(table, code) {
  return t(`${table}.${code}`) ?? code;
}

/** Fills every [data-i18n] element under root with its text, [data-i18n-label] with aria-label. */
export function translate(root = document) {
  document.documentElement.lang = current;
  document.title = `${t('pageTitle')} · Antre`;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}

/**
 * Server details come as "Indonesian (English)": the half that matches the screen. Text without
 * that shape is shown as it is.
 */
export function serverText(detail) {
  if (!detail) {
    return '';
  }
  const m = /^(.*\S)\s+\(([^()]+)\)$/s.exec(detail);
  if (!m) {
    return detail;
  }
  return current === 'en' ? m[2] : m[1];
}
