// Every text of the counter terminal, Bahasa Indonesia first, English second.
// The language is kept per browser (localStorage 'antre.lang'); ?lang=en picks English once.

const MESSAGES = {
  id: {
    pageTitle: 'Terminal Loket',
    appName: 'Antre · Loket',
    language: 'English',
    languageLabel: 'Ganti bahasa ke English',
    // login
    loginTitle: 'Masuk Petugas',
    loginHint: 'Masuk dengan akun petugas atau koordinator instansi Anda.',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    signIn: 'Masuk',
    signingIn: 'Memeriksa…',
    signOut: 'Keluar',
    sessionEnded: 'Sesi Anda berakhir. Silakan masuk lagi.',
    wrongLogin: 'Nama pengguna atau kata sandi salah.',
    // picker
    pickTitle: 'Pilih Loket',
    pickHint: 'Loket instansi Anda. Pilihan ini diingat di komputer ini.',
    noCounters: 'Tidak ada loket untuk instansi Anda.',
    changeCounter: 'Ganti loket',
    supervisorView: 'Pantau loket',
    serveAtCounter: 'Layani di loket',
    officerAt: (name) => `Petugas: ${name}`,
    // counter states
    state: { OPEN: 'Buka', PAUSED: 'Jeda', CLOSED: 'Tutup' },
    pauseReason: { istirahat: 'Istirahat', sholat: 'Sholat', rapat: 'Rapat' },
    open: 'Buka Loket',
    pause: 'Jeda',
    close: 'Tutup Loket',
    pauseTitle: 'Jeda loket: pilih alasan',
    cancel: 'Batal',
    // connection
    online: 'Terhubung',
    offline: 'Terputus — menyambung ulang…',
    offlineBanner: 'Koneksi ke server terputus. Menyambung ulang… Tombol yang sudah ditekan akan dikirim sekali saja.',
    presence: (users) => `Loket ini juga dibuka di tab/PC lain (${users}). Pastikan hanya satu petugas yang memanggil.`,
    // current ticket
    nobody: 'Belum ada nomor dipanggil',
    nobodyHint: 'Tekan Panggil Berikutnya (F1 atau Spasi).',
    closedHint: 'Loket tutup. Buka loket untuk mulai memanggil.',
    pausedHint: (reason) => `Loket sedang jeda (${reason}). Buka loket untuk melanjutkan.`,
    status: { CALLED: 'Dipanggil', SERVING: 'Sedang dilayani', WAITING: 'Menunggu', HELD: 'Ditunda', DONE: 'Selesai',
      NO_SHOW: 'Tidak hadir', CANCELLED: 'Dibatalkan' },
    priority: { lansia: 'Lansia', disabilitas: 'Disabilitas', 'ibu-hamil': 'Ibu hamil', anak: 'Anak',
      'korban-bencana': 'Korban bencana' },
    priorityBadge: 'Prioritas',
    sinceCalled: 'Sejak dipanggil',
    sinceStarted: 'Sejak mulai dilayani',
    recalls: (n) => `Dipanggil ulang ${n}×`,
    note: 'Catatan',
    servedToday: 'Dilayani hari ini',
    // actions
    callNext: 'Panggil Berikutnya',
    recall: 'Panggil Ulang',
    start: 'Mulai Layani',
    finish: 'Selesai',
    noShow: 'Tidak Hadir',
    transfer: 'Alihkan',
    hold: 'Tunda',
    callSpecific: 'Panggil nomor tertentu',
    keySpace: 'Spasi',
    pending: 'Memproses…',
    retrying: 'Menunggu koneksi, tombol akan dikirim sekali…',
    // feedback
    didCall: (n) => `Nomor ${n} dipanggil.`,
    didRecall: (n) => `Nomor ${n} dipanggil ulang.`,
    didStart: (n) => `Mulai melayani ${n}.`,
    didFinish: (n, o) => `${n} selesai (${o}).`,
    didNoShow: (n) => `${n} dicatat tidak hadir.`,
    didTransfer: (n, s) => `${n} dialihkan ke ${s}.`,
    didHold: (n) => `${n} ditunda.`,
    didResume: (n) => `${n} kembali ke antrean.`,
    nobodyWaiting: 'Tidak ada yang menunggu.',
    didOpen: 'Loket dibuka.',
    didPause: (r) => `Loket jeda: ${r}.`,
    didClose: 'Loket ditutup.',
    becameNoShow: (n) => `${n} sudah dipanggil melewati batas, dicatat tidak hadir.`,
    // dialogs
    outcomeTitle: 'Selesai: pilih hasil layanan',
    outcomeHint: 'Panah atas/bawah atau angka untuk memilih, Enter untuk menyimpan.',
    outcome: { selesai: 'Selesai', 'berkas-tidak-lengkap': 'Berkas tidak lengkap', dirujuk: 'Dirujuk',
      ditunda: 'Ditunda', 'dibatalkan-pemohon': 'Dibatalkan pemohon' },
    save: 'Simpan',
    transferTitle: 'Alihkan ke layanan lain',
    transferSearch: 'Cari layanan',
    transferNote: 'Catatan untuk loket tujuan (boleh kosong)',
    transferPick: 'Pilih layanan tujuan.',
    noMatch: 'Tidak ada layanan yang cocok.',
    holdTitle: 'Tunda tiket',
    holdNote: 'Catatan (mis. mengambil fotokopi KK)',
    callSpecificTitle: 'Panggil nomor tertentu',
    callSpecificHint: 'Pilih nomor dari daftar tunggu. Alasan wajib diisi dan dicatat.',
    reason: 'Alasan',
    reasonRequired: 'Isi alasan memanggil di luar urutan.',
    pickTicket: 'Pilih nomor yang akan dipanggil.',
    nobodyWaitingList: 'Tidak ada nomor yang menunggu.',
    call: 'Panggil',
    waitedMinutes: (m) => `menunggu ${m} mnt`,
    // side panel
    queueTitle: 'Antrean layanan loket ini',
    waitingCount: (n) => `${n} menunggu`,
    oldestWait: (m) => `terlama ${m} mnt`,
    heldTitle: 'Tiket ditunda',
    noHeld: 'Tidak ada tiket ditunda.',
    resume: 'Lanjutkan',
    // supervisor
    supTitle: 'Pantauan Loket',
    supHint: 'Loket instansi Anda, diperbarui langsung. Centang layanan lalu Simpan untuk mengubah layanan loket.',
    colCounter: 'Loket',
    colState: 'Status',
    colOfficer: 'Petugas',
    colCurrent: 'Nomor aktif',
    colServices: 'Layanan yang dipanggil',
    restore: 'Kembalikan',
    reassigned: 'Diubah koordinator',
    savedServices: (c) => `Layanan ${c} disimpan.`,
    restoredServices: (c) => `Layanan ${c} dikembalikan ke pengaturan awal.`,
    pickOneService: 'Pilih minimal satu layanan, atau tekan Kembalikan.',
    none: '—',
    // errors
    networkError: 'Server tidak dapat dihubungi.',
    error: {
      COUNTER_BUSY: 'Loket masih melayani nomor lain.',
      COUNTER_NOT_OPEN: 'Loket belum dibuka.',
      NO_CURRENT_TICKET: 'Tidak ada nomor yang sedang dipanggil.',
      INVALID_TRANSITION: 'Tindakan ini tidak sesuai status nomor.',
      FORBIDDEN: 'Tidak diizinkan: loket milik instansi lain.',
      UNAVAILABLE: 'Server sibuk, coba lagi.',
      INTERNAL: 'Terjadi kesalahan di server.',
    },
  },
  en: {
    pageTitle: 'Counter Terminal',
    appName: 'Antre · Counter',
    language: 'Bahasa Indonesia',
    languageLabel: 'Switch language to Bahasa Indonesia',
    loginTitle: 'Officer Sign-in',
    loginHint: 'Sign in with your agency officer or supervisor account.',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Checking…',
    signOut: 'Sign out',
    sessionEnded: 'Your session ended. Please sign in again.',
    wrongLogin: 'Wrong username or password.',
    pickTitle: 'Choose a Counter',
    pickHint: 'Your agency\'s counters. The choice is remembered on this computer.',
    noCounters: 'Your agency has no counters.',
    changeCounter: 'Change counter',
    supervisorView: 'Monitor counters',
    serveAtCounter: 'Serve at a counter',
    officerAt: (name) => `Officer: ${name}`,
    state: { OPEN: 'Open', PAUSED: 'Paused', CLOSED: 'Closed' },
    pauseReason: { istirahat: 'Break', sholat: 'Prayer', rapat: 'Meeting' },
    open: 'Open Counter',
    pause: 'Pause',
    close: 'Close Counter',
    pauseTitle: 'Pause the counter: choose a reason',
    cancel: 'Cancel',
    online: 'Connected',
    offline: 'Offline — reconnecting…',
    offlineBanner: 'Lost the connection to the server. Reconnecting… A key already pressed will be sent once only.',
    presence: (users) => `This counter is also open in another tab/PC (${users}). Make sure only one officer calls.`,
    nobody: 'No number called yet',
    nobodyHint: 'Press Call Next (F1 or Space).',
    closedHint: 'The counter is closed. Open it to start calling.',
    pausedHint: (reason) => `The counter is paused (${reason}). Open it to continue.`,
    status: { CALLED: 'Called', SERVING: 'Being served', WAITING: 'Waiting', HELD: 'On hold', DONE: 'Done',
      NO_SHOW: 'No-show', CANCELLED: 'Cancelled' },
    priority: { lansia: 'Elderly', disabilitas: 'Disability', 'ibu-hamil': 'Pregnant', anak: 'Child',
      'korban-bencana': 'Disaster victim' },
    priorityBadge: 'Priority',
    sinceCalled: 'Since called',
    sinceStarted: 'Since service started',
    recalls: (n) => `Recalled ${n}×`,
    note: 'Note',
    servedToday: 'Served today',
    callNext: 'Call Next',
    recall: 'Recall',
    start: 'Start',
    finish: 'Finish',
    noShow: 'No-show',
    transfer: 'Transfer',
    hold: 'Hold',
    callSpecific: 'Call a specific number',
    keySpace: 'Space',
    pending: 'Working…',
    retrying: 'Waiting for the connection; the press will be sent once…',
    didCall: (n) => `Called ${n}.`,
    didRecall: (n) => `Called ${n} again.`,
    didStart: (n) => `Serving ${n}.`,
    didFinish: (n, o) => `${n} finished (${o}).`,
    didNoShow: (n) => `${n} recorded as no-show.`,
    didTransfer: (n, s) => `${n} transferred to ${s}.`,
    didHold: (n) => `${n} put on hold.`,
    didResume: (n) => `${n} is back in the queue.`,
    nobodyWaiting: 'Nobody is waiting.',
    didOpen: 'Counter opened.',
    didPause: (r) => `Counter paused: ${r}.`,
    didClose: 'Counter closed.',
    becameNoShow: (n) => `${n} was recalled past the limit and recorded as no-show.`,
    outcomeTitle: 'Finish: choose the outcome',
    outcomeHint: 'Arrow keys or a number to choose, Enter to save.',
    outcome: { selesai: 'Completed', 'berkas-tidak-lengkap': 'Documents incomplete', dirujuk: 'Referred',
      ditunda: 'Postponed', 'dibatalkan-pemohon': 'Cancelled by applicant' },
    save: 'Save',
    transferTitle: 'Transfer to another service',
    transferSearch: 'Search services',
    transferNote: 'Note for the receiving counter (optional)',
    transferPick: 'Choose the target service.',
    noMatch: 'No service matches.',
    holdTitle: 'Put the ticket on hold',
    holdNote: 'Note (e.g. fetching a copy of the family card)',
    callSpecificTitle: 'Call a specific number',
    callSpecificHint: 'Choose a number from the waiting list. A reason is required and logged.',
    reason: 'Reason',
    reasonRequired: 'Give a reason for calling out of order.',
    pickTicket: 'Choose the number to call.',
    nobodyWaitingList: 'Nobody is waiting.',
    call: 'Call',
    waitedMinutes: (m) => `waiting ${m} min`,
    queueTitle: 'Queues of this counter',
    waitingCount: (n) => `${n} waiting`,
    oldestWait: (m) => `oldest ${m} min`,
    heldTitle: 'Held tickets',
    noHeld: 'No tickets on hold.',
    resume: 'Resume',
    supTitle: 'Counter Monitor',
    supHint: 'Your agency\'s counters, live. Tick services and Save to change what a counter calls.',
    colCounter: 'Counter',
    colState: 'State',
    colOfficer: 'Officer',
    colCurrent: 'Current',
    colServices: 'Services called',
    restore: 'Restore',
    reassigned: 'Changed by supervisor',
    savedServices: (c) => `Services of ${c} saved.`,
    restoredServices: (c) => `Services of ${c} restored to the configuration.`,
    pickOneService: 'Tick at least one service, or press Restore.',
    none: '—',
    networkError: 'Cannot reach the server.',
    error: {
      COUNTER_BUSY: 'The counter still holds another number.',
      COUNTER_NOT_OPEN: 'The counter is not open.',
      NO_CURRENT_TICKET: 'No number is currently called.',
      INVALID_TRANSITION: 'This action does not fit the number\'s status.',
      FORBIDDEN: 'Not allowed: the counter belongs to another agency.',
      UNAVAILABLE: 'The server is busy, try again.',
      INTERNAL: 'Something went wrong on the server.',
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

/** The text for a key ("a.b" reaches into nested tables); functions are called with args. */
export function t(key, ...args) {
  let v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), MESSAGES[current]);
  if (v === undefined) {
    v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), MESSAGES.id);
  }
  if (typeof v === 'function') {
    return v(...args);
  }
  return v === undefined ? null : v;
}

/** A label from a nested table, or the raw code when the table has none (e.g. a hall's own outcome). */
export function label(table, code) {
  return t(`${table}.${code}`) ?? code;
}

/** Fills every [data-i18n] element under root with its text, [data-i18n-label] with aria-label. */
export function translate(root = document) {
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
}
