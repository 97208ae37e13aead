// Every text the kiosk and the phone page show, Bahasa Indonesia first, English second.
// A value is either text or a function of the few numbers/names it needs.

import { i18n } from '/web/common/i18n.js';
import { hhmm } from '/web/common/time.js';

const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
  'Oktober', 'November', 'Desember'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

const MESSAGES = {
  id: {
    langName: 'Bahasa Indonesia',
    otherLang: 'English',
    days: DAYS_ID,
    months: MONTHS_ID,

    // kiosk: set-up and loading
    kioskTitle: 'Anjungan Antrean',
    loading: 'Memuat…',
    setupTitle: 'Perangkat belum terdaftar',
    setupBody: 'Anjungan ini belum memiliki token perangkat. Petugas: buka halaman ini sekali dengan alamat '
      + '/kiosk?device=<token anjungan> (token tercetak saat server dimulai atau ada di halaman Manajer).',
    setupHelp: 'Pengunjung: silakan ambil nomor di anjungan lain atau tanyakan ke meja informasi.',
    hallUnavailable: 'Anjungan belum dapat terhubung ke server. Mencoba lagi…',
    tokenRefusedTitle: 'Token perangkat ditolak',
    tokenRefused: 'Token perangkat anjungan ini ditolak server: salah ketik, sudah dicabut, atau milik perangkat '
      + 'lain. Petugas: buka /kiosk?device=<token anjungan> dengan token yang benar dari halaman Manajer.',

    // kiosk: start
    welcome: 'Selamat datang',
    chooseAgency: 'Sentuh instansi yang Anda tuju',
    servicesCount: (n) => `${n} layanan`,
    allClosed: 'Semua layanan tutup',
    waitingTotal: (n) => (n === 0 ? 'Belum ada antrean' : `${n} orang menunggu`),
    printerProblem: 'Printer tiket sedang bermasalah. Nomor antrean tetap tampil di layar: foto layar atau pindai '
      + 'kode QR-nya.',

    // kiosk: services
    back: 'Kembali',
    chooseService: 'Pilih layanan',
    bring: 'Bawa:',
    nothingToBring: 'Tidak perlu membawa dokumen khusus',
    quotaLeft: (n) => `Sisa kuota ${n}`,
    waiting: (n) => (n === 0 ? 'Tidak ada antrean' : `${n} orang menunggu`),
    quotaFull: 'Kuota hari ini habis',
    quotaFullShort: 'Kuota habis',
    closed: 'Tutup',
    opensAt: (when) => `Buka lagi ${when}`,
    opensToday: (at) => `Buka pukul ${at}`,
    noServices: 'Instansi ini belum memiliki layanan di anjungan.',

    // kiosk: confirm
    confirmTitle: 'Ambil nomor antrean',
    priorityQuestion: 'Apakah Anda termasuk pengunjung prioritas?',
    priorityHint: 'Pengunjung prioritas dilayani lebih dahulu (UU 25/2009 Pasal 29). Petugas dapat meminta bukti.',
    priorityNone: 'Bukan prioritas',
    priority: {
      lansia: 'Lansia (60 tahun ke atas)',
      disabilitas: 'Penyandang disabilitas',
      'ibu-hamil': 'Ibu hamil',
      anak: 'Anak-anak',
      'korban-bencana': 'Korban bencana',
    },
    manyWaiting: (n) => `${n} orang sedang menunggu. Lanjutkan mengambil nomor?`,
    manyWaitingHint: 'Anda juga dapat kembali di lain waktu.',
    takeNumber: 'Ambil Nomor',
    takeNumberAnyway: 'Ya, ambil nomor',
    issuing: 'Mengambil nomor…',

    // kiosk: issued
    yourNumber: 'Nomor antrean Anda',
    ahead: (n) => (n === 0 ? 'Anda berikutnya' : `${n} orang di depan Anda`),
    aheadLabel: 'Di depan Anda',
    aheadValue: (n) => (n === 0 ? 'Tidak ada' : `${n} orang`),
    estimateLabel: 'Perkiraan menunggu',
    estimateValue: (m) => (m <= 0 ? 'sebentar lagi' : `± ${m} menit`),
    notServing: 'Loket belum buka',
    servingFrom: (at) => `Pelayanan mulai pukul ${at}`,
    whereLabel: 'Lokasi loket',
    priorityTicket: (p) => `Prioritas: ${p}`,
    scanToFollow: 'Pindai untuk memantau antrean dari ponsel Anda',
    bringTitle: 'Dokumen yang perlu dibawa',
    printing: 'Tiket sedang dicetak…',
    printed: 'Silakan ambil tiket Anda',
    printedHint: 'Tiket keluar di bawah layar ini.',
    printFailed: 'Tiket tidak dapat dicetak. Silakan foto layar ini atau pindai kode QR',
    printFailedHint: 'Nomor Anda tetap berlaku. Sebutkan nomor ini kepada petugas bila perlu.',
    noPrinter: 'Anjungan ini tidak mencetak tiket. Silakan foto layar ini atau pindai kode QR',
    waitForCall: 'Mohon menunggu nomor Anda dipanggil.',
    done: 'Selesai',
    backIn: (s) => `Kembali ke awal dalam ${s} detik`,

    // kiosk: check-in of a booking, typed on screen or scanned from its QR
    checkInEntry: 'Saya sudah booking',
    checkInEntryLine: 'Check-in: pindai kode QR booking atau ketik kodenya',
    checkInTitle: 'Check-in booking',
    checkInLine: 'Arahkan kode QR di ponsel Anda ke pemindai, atau ketik kode booking Anda.',
    checkInCode: 'Kode booking',
    checkInGo: 'Check-in',
    checkingIn: 'Memeriksa booking…',
    erase: 'Hapus',
    clear: 'Kosongkan',
    checkInFailed: 'Check-in belum berhasil',
    checkInUnknown: 'Booking dengan kode itu tidak ditemukan. Periksa kodenya, atau tanyakan ke meja informasi.',
    checkInTooEarly: (at) => `Terlalu awal untuk booking ini. Silakan kembali pukul ${at} untuk check-in, atau ambil nomor antrean biasa sekarang.`,
    checkInTooEarlyPlain: 'Terlalu awal untuk booking ini. Silakan kembali mendekati jam booking Anda, atau ambil nomor antrean biasa sekarang.',
    checkInTooLate: 'Waktu check-in booking ini sudah lewat. Silakan ambil nomor antrean biasa.',
    checkInDone: 'Booking ini sudah tidak dapat dipakai (sudah check-in, dibatalkan atau lewat).',
    checkInBusy: (s) => `Terlalu banyak percobaan. Silakan coba lagi${s ? ` dalam ${s} detik` : ' sebentar lagi'}.`,
    takeWalkIn: 'Ambil nomor biasa',
    bookedFor: (at) => `Booking pukul ${at}`,

    // kiosk: errors
    errorTitle: 'Nomor belum dapat diambil',
    errorNetwork: 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.',
    tryAgain: 'Coba lagi',
    toStart: 'Ke awal',

    // phone page
    trackTitle: 'Pantau Antrean',
    trackLoading: 'Memuat nomor antrean…',
    trackNotFound: 'Nomor antrean tidak ditemukan. Periksa kode QR pada tiket Anda.',
    statusWaiting: 'Menunggu',
    statusWaitingLine: (ahead, minutes) => (ahead === 0
      ? 'Anda berikutnya — bersiaplah di dekat loket'
      : `${ahead} orang di depan Anda, perkiraan ${minutes} menit`),
    statusNotServingLine: (ahead, from) => `Loket belum buka${from ? `; pelayanan mulai pukul ${from}` : ''}. `
      + (ahead === 0 ? 'Anda nomor pertama.' : `${ahead} orang di depan Anda.`),
    whereLine: (where) => `Lokasi loket: ${where}`,
    statusCalled: 'Dipanggil!',
    statusCalledLine: (counter) => (counter ? `Silakan menuju ${counter}` : 'Silakan menuju loket'),
    statusServing: 'Sedang dilayani',
    statusServingLine: (counter) => (counter ? `di ${counter}` : ''),
    statusDone: 'Selesai',
    statusDoneLine: 'Terima kasih telah menggunakan layanan kami.',
    statusNoShow: 'Nomor terlewat',
    statusNoShowLine: 'Nomor Anda sudah dipanggil tetapi tidak hadir. Silakan hubungi meja informasi.',
    statusHeld: 'Ditunda',
    statusHeldLine: 'Petugas menunda nomor Anda. Mohon menunggu dipanggil kembali.',
    statusCancelled: 'Dibatalkan',
    statusCancelledLine: 'Nomor ini sudah dibatalkan.',
    statusExpired: 'Kedaluwarsa',
    statusExpiredLine: 'Nomor ini sudah kedaluwarsa: hari layanannya sudah berakhir. Silakan ambil nomor baru.',
    live: 'Diperbarui otomatis',
    reconnecting: 'Koneksi terputus, menyambungkan ulang…',
    soundOn: 'Bunyi & getar saat dipanggil: aktif',
    soundOff: 'Aktifkan bunyi saat dipanggil',
    cancel: 'Batalkan nomor ini',
    cancelQuestion: (n) => `Batalkan nomor ${n}?`,
    cancelWarning: 'Nomor yang dibatalkan tidak dapat dipakai lagi. Bila ingin dilayani, Anda harus mengambil nomor baru.',
    cancelYes: 'Ya, batalkan',
    cancelNo: 'Tidak',
    cancelFailed: 'Pembatalan gagal:',
    privacy: 'Halaman ini tidak menyimpan data pribadi Anda.',
  },
  en: {
    langName: 'English',
    otherLang: 'Bahasa Indonesia',
    days: DAYS_EN,
    months: MONTHS_EN,

    kioskTitle: 'Queue Kiosk',
    loading: 'Loading…',
    setupTitle: 'Device not registered',
    setupBody: 'This kiosk has no device token yet. Staff: open this page once as '
      + '/kiosk?device=<kiosk token> (printed when the server starts, or on the Manager page).',
    setupHelp: 'Visitors: please take a number at another kiosk or ask at the information desk.',
    hallUnavailable: 'The kiosk cannot reach the server yet. Retrying…',
    tokenRefusedTitle: 'Device token refused',
    tokenRefused: 'The server refused this kiosk\'s device token: mistyped, revoked, or another device\'s. '
      + 'Staff: open /kiosk?device=<kiosk token> with the right token from the Manager page.',

    welcome: 'Welcome',
    chooseAgency: 'Touch the office you want to visit',
    servicesCount: (n) => `${n} service${n === 1 ? '' : 's'}`,
    allClosed: 'All services closed',
    waitingTotal: (n) => (n === 0 ? 'Nobody waiting' : `${n} waiting`),
    printerProblem: 'The ticket printer has a problem. Your number stays on screen: take a photo or scan the QR code.',

    back: 'Back',
    chooseService: 'Choose a service',
    bring: 'Bring:',
    nothingToBring: 'No special documents needed',
    quotaLeft: (n) => `${n} numbers left`,
    waiting: (n) => (n === 0 ? 'Nobody waiting' : `${n} waiting`),
    quotaFull: "Today's quota is used up",
    quotaFullShort: 'Quota used up',
    closed: 'Closed',
    opensAt: (when) => `Opens ${when}`,
    opensToday: (at) => `Opens at ${at}`,
    noServices: 'This office has no kiosk services yet.',

    confirmTitle: 'Take a number',
    priorityQuestion: 'Are you a priority visitor?',
    priorityHint: 'Priority visitors are served first (Law 25/2009 Art. 29). Staff may ask for proof.',
    priorityNone: 'Not priority',
    priority: {
      lansia: 'Elderly (60 or older)',
      disabilitas: 'Person with a disability',
      'ibu-hamil': 'Pregnant woman',
      anak: 'Child',
      'korban-bencana': 'Disaster victim',
    },
    manyWaiting: (n) => `${n} people are waiting. Take a number anyway?`,
    manyWaitingHint: 'You may also come back another time.',
    takeNumber: 'Take a Number',
    takeNumberAnyway: 'Yes, take a number',
    issuing: 'Taking a number…',

    yourNumber: 'Your queue number',
    ahead: (n) => (n === 0 ? 'You are next' : `${n} ahead of you`),
    aheadLabel: 'Ahead of you',
    aheadValue: (n) => (n === 0 ? 'Nobody' : `${n} ${n === 1 ? 'person' : 'people'}`),
    estimateLabel: 'Estimated wait',
    estimateValue: (m) => (m <= 0 ? 'very soon' : `about ${m} min`),
    notServing: 'Counters not open yet',
    servingFrom: (at) => `Service starts at ${at}`,
    whereLabel: 'Counters at',
    priorityTicket: (p) => `Priority: ${p}`,
    scanToFollow: 'Scan to follow the queue on your phone',
    bringTitle: 'Documents to bring',
    printing: 'Printing your ticket…',
    printed: 'Please take your ticket',
    printedHint: 'The ticket comes out below this screen.',
    printFailed: 'The ticket could not be printed. Please take a photo of this screen or scan the QR code',
    printFailedHint: 'Your number is valid. Tell it to the officer if needed.',
    noPrinter: 'This kiosk does not print tickets. Please take a photo of this screen or scan the QR code',
    waitForCall: 'Please wait until your number is called.',
    done: 'Done',
    backIn: (s) => `Back to start in ${s} s`,

    checkInEntry: 'I have a booking',
    checkInEntryLine: 'Check in: scan the booking QR code or type the code',
    checkInTitle: 'Booking check-in',
    checkInLine: 'Hold the QR code on your phone to the scanner, or type your booking code.',
    checkInCode: 'Booking code',
    checkInGo: 'Check in',
    checkingIn: 'Checking the booking…',
    erase: 'Delete',
    clear: 'Clear',
    checkInFailed: 'Check-in did not work',
    checkInUnknown: 'No booking has that code. Please check it, or ask at the information desk.',
    checkInTooEarly: (at) => `Too early for this booking. Please come back at ${at} to check in, or take an ordinary number now.`,
    checkInTooEarlyPlain: 'Too early for this booking. Please come back closer to your booked time, or take an ordinary number now.',
    checkInTooLate: 'The check-in time of this booking is over. Please take an ordinary number.',
    checkInDone: 'This booking can no longer be used (already checked in, cancelled or over).',
    checkInBusy: (s) => `Too many attempts. Please try again${s ? ` in ${s} seconds` : ' shortly'}.`,
    takeWalkIn: 'Take an ordinary number',
    bookedFor: (at) => `Booked for ${at}`,

    errorTitle: 'No number could be issued',
    errorNetwork: 'Cannot reach the server. Check the network and try again.',
    tryAgain: 'Try again',
    toStart: 'Start',

    trackTitle: 'Follow your queue',
    trackLoading: 'Loading your number…',
    trackNotFound: 'Queue number not found. Check the QR code on your ticket.',
    statusWaiting: 'Waiting',
    statusWaitingLine: (ahead, minutes) => (ahead === 0
      ? 'You are next — please stay near the counter'
      : `${ahead} ahead of you, about ${minutes} min`),
    statusNotServingLine: (ahead, from) => `Counters not open yet${from ? `; service starts at ${from}` : ''}. `
      + (ahead === 0 ? 'You are first.' : `${ahead} ahead of you.`),
    whereLine: (where) => `Counters at: ${where}`,
    statusCalled: 'Called!',
    statusCalledLine: (counter) => (counter ? `Please go to ${counter}` : 'Please go to the counter'),
    statusServing: 'Being served',
    statusServingLine: (counter) => (counter ? `at ${counter}` : ''),
    statusDone: 'Done',
    statusDoneLine: 'Thank you for using our service.',
    statusNoShow: 'Number missed',
    statusNoShowLine: 'Your number was called but you were not there. Please ask at the information desk.',
    statusHeld: 'On hold',
    statusHeldLine: 'The officer put your number on hold. Please wait to be called again.',
    statusCancelled: 'Cancelled',
    statusCancelledLine: 'This number has been cancelled.',
    statusExpired: 'Expired',
    statusExpiredLine: 'This number has expired: its service day is over. Please take a new number.',
    live: 'Updates automatically',
    reconnecting: 'Connection lost, reconnecting…',
    soundOn: 'Sound & vibration when called: on',
    soundOff: 'Turn on sound when called',
    cancel: 'Cancel this number',
    cancelQuestion: (n) => `Cancel number ${n}?`,
    cancelWarning: 'A cancelled number cannot be used again. To be served you would need a new number.',
    cancelYes: 'Yes, cancel',
    cancelNo: 'No',
    cancelFailed: 'Could not cancel:',
    privacy: 'This page keeps no personal data about you.',
  },
};

// The language is not remembered here: the kiosk returns to its own after every visitor, and the
// phone page keeps the visitor's choice itself.
const messages = i18n(MESSAGES);

export const { lang, setLang, serverText } = messages;

/** The text for a key, or the function's result for the given arguments; the key itself if there is none. */
export function t(key, ...args) {
  return messages.t(key, ...args) ?? key;
}

/** A priority group's name ("lansia" -> "Lansia (60 tahun ke atas)"). */
export function priorityName(code) {
  return messages.label('priority', code);
}

export const PRIORITIES = Object.keys(MESSAGES.id.priority);

/**
 * A local date-time from the server ("2026-11-30T07:45+07:00", already in the hall's zone) as
 * "Senin, 30 November 07.45". The wall-clock part of the text is read as it is, so the kiosk's own
 * clock and zone do not matter.
 */
export function hallDateTime(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  if (!m) {
    return '';
  }
  const [, y, mo, d, h, mi] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay();
  const table = MESSAGES[lang()];
  return `${table.days[day]}, ${+d} ${table.months[+mo - 1]} ${hhmm(h, mi)}`;
}
