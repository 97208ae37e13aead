// The booking page's texts (the phone page /booking), Bahasa Indonesia first, English second. A
// value is text or a function of the few values it needs. Refusal codes of the booking API each have their own plain sentence.

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
    otherLang: 'English',
    days: DAYS_ID,
    months: MONTHS_ID,
    title: 'Booking Antrean',
    loading: 'Memuat…',
    hallUnavailable: 'Server belum dapat dihubungi. Periksa sambungan internet lalu muat ulang halaman.',
    back: 'Kembali',
    retry: 'Coba lagi',

    // start
    welcome: 'Pesan waktu kedatangan Anda',
    welcomeLine: 'Pilih layanan, hari dan jam. Di hari itu, tunjukkan kode booking di anjungan untuk mendapat nomor antrean.',
    newBooking: 'Buat booking baru',
    findTitle: 'Sudah punya booking?',
    findLabel: 'Kode booking',
    findButton: 'Cari booking',
    findEmpty: 'Ketik kode booking Anda.',
    mine: 'Booking di ponsel ini',
    noBookable: 'Belum ada layanan yang bisa dipesan secara online.',

    // choosing
    chooseAgency: 'Pilih instansi',
    chooseService: 'Pilih layanan',
    chooseDay: 'Pilih hari',
    chooseSlot: 'Pilih jam kedatangan',
    stepOf: (n, of) => `Langkah ${n} dari ${of}`,
    servicesBookable: (n) => `${n} layanan bisa dipesan`,
    today: 'Hari ini',
    tomorrow: 'Besok',
    slotLeft: (n) => (n === 1 ? 'sisa 1 tempat' : `sisa ${n} tempat`),
    slotFull: 'Penuh',
    slotPast: 'Sudah lewat',
    noSlots: 'Tidak ada jam layanan di hari ini. Silakan pilih hari lain.',
    allFull: 'Semua jam di hari ini sudah penuh. Silakan pilih hari lain.',
    dayOpensAt: (when) => `Booking untuk hari ini dibuka ${when}.`,
    loadingSlots: 'Memuat jam yang tersedia…',
    rescheduleTitle: 'Pindah jadwal',
    rescheduleLine: (code) => `Pilih hari dan jam baru untuk booking ${code}.`,

    // identity and consent
    identityTitle: 'Data pemohon',
    nikLabel: 'NIK (16 angka, sesuai KTP-el/KK)',
    phoneLabel: 'Nomor ponsel',
    phoneHint: 'Contoh: 0812 3456 7890 atau +62 812 3456 7890',
    nikShort: 'NIK harus 16 angka.',
    phoneShort: 'Nomor ponsel belum lengkap.',
    consentWhat: (fields) => `Data yang kami kumpulkan: ${fields}.`,
    consentWhy: 'Tujuannya hanya untuk memastikan satu booking per orang per layanan per hari dan untuk '
      + 'verifikasi oleh petugas di loket.',
    consentHow: (days) => (days
      ? `Data disimpan paling lama ${days} hari setelah tanggal kunjungan, lalu dihapus. Layar dan tiket hanya `
        + 'menampilkan sebagian angkanya.'
      : 'Data disimpan hanya selama masa simpan yang ditetapkan, lalu dihapus. Layar dan tiket hanya menampilkan '
        + 'sebagian angkanya.'),
    consentLaw: 'Sesuai UU 27/2022 tentang Pelindungan Data Pribadi.',
    consentAgree: 'Saya setuju data di atas dipakai untuk keperluan ini.',
    consentNeeded: 'Centang persetujuan untuk melanjutkan.',
    fieldNik: 'NIK',
    fieldPhone: 'nomor ponsel',
    noIdentity: 'Layanan ini tidak memerlukan data pribadi.',
    confirmTitle: 'Periksa booking Anda',
    book: 'Pesan sekarang',
    booking: 'Memesan…',

    // the booking
    yourCode: 'Kode booking Anda',
    qrLabel: 'Tunjukkan kode QR ini ke pemindai di anjungan',
    slotLabel: 'Jadwal',
    serviceLabel: 'Layanan',
    statusLabel: 'Status',
    nikShown: 'NIK',
    phoneShown: 'Ponsel',
    status: {
      BOOKED: 'Terpesan',
      CHECKED_IN: 'Sudah check-in',
      CANCELLED: 'Dibatalkan',
      NO_SHOW: 'Tidak hadir',
      EXPIRED: 'Kedaluwarsa',
    },
    statusLine: {
      BOOKED: 'Simpan kode ini. Halaman ini diperbarui otomatis.',
      CHECKED_IN: 'Anda sudah check-in. Membuka nomor antrean Anda…',
      CANCELLED: 'Booking ini sudah dibatalkan. Anda dapat membuat booking baru.',
      NO_SHOW: 'Anda tidak check-in sampai batas waktunya. Silakan buat booking baru atau ambil nomor di anjungan.',
      EXPIRED: 'Booking ini sudah lewat.',
    },
    arrivalTitle: 'Saat tiba di MPP',
    arrivalWindow: (from, to) => `Datang antara pukul ${from} dan ${to}.`,
    arrivalWindowPlain: 'Datang sekitar jam booking Anda; check-in dibuka sebelum jam itu dan ditutup tidak lama setelahnya.',
    arrivalKiosk: 'Di anjungan, sentuh "Saya sudah booking", lalu pindai kode QR ini atau ketik kodenya.',
    arrivalTicket: 'Anjungan mencetak nomor antrean Anda; nomor itu dipanggil menurut jam booking Anda.',
    arrivalLate: 'Terlambat lebih dari batas check-in? Ambil nomor antrean biasa di anjungan.',
    bringTitle: 'Dokumen yang perlu dibawa',
    nothingToBring: 'Tidak perlu membawa dokumen khusus',
    cancel: 'Batalkan booking',
    reschedule: 'Pindah jadwal',
    followTicket: 'Buka nomor antrean saya',
    bookAgain: 'Buat booking lain',
    toStart: 'Ke awal',
    cancelQuestion: (code) => `Batalkan booking ${code}?`,
    cancelWarning: 'Tempat Anda akan diberikan kepada orang lain. Untuk datang lagi, Anda harus membuat booking baru.',
    cancelYes: 'Ya, batalkan',
    cancelNo: 'Tidak',
    notFound: 'Booking dengan kode itu tidak ditemukan. Periksa kembali kodenya.',
    live: 'Diperbarui otomatis',
    privacy: 'Kode booking adalah kunci booking Anda: jangan dibagikan.',
    forget: 'Hapus dari ponsel ini',

    // refusals: every code the booking API gives, in plain words
    refusal: {
      SLOT_FULL: 'Jam itu baru saja penuh. Silakan pilih jam lain.',
      QUOTA_EXHAUSTED: 'Kuota booking online untuk hari itu sudah habis. Silakan pilih hari lain.',
      ALREADY_BOOKED: 'NIK ini sudah memiliki booking untuk layanan ini di hari itu. Satu booking per orang per hari.',
      BOOKING_CLOSED: 'Booking untuk hari itu belum dibuka atau sudah ditutup.',
      INVALID_NIK: 'NIK tidak valid. Periksa lagi 16 angka NIK Anda sesuai KTP-el atau KK.',
      INVALID_PHONE: 'Nomor ponsel tidak valid. Gunakan nomor Indonesia, mis. 0812… atau +62 812….',
      RATE_LIMITED: (s) => `Terlalu banyak permintaan. Silakan coba lagi${s ? ` dalam ${s} detik` : ' sebentar lagi'}.`,
      UNKNOWN_BOOKING: 'Booking dengan kode itu tidak ditemukan. Periksa kembali kodenya.',
      UNKNOWN_SERVICE: 'Layanan itu tidak ditemukan.',
      BOOKING_NOT_ACTIVE: 'Booking ini tidak dapat diubah lagi (sudah check-in, dibatalkan atau lewat).',
      INVALID_DAY: 'Hari itu tidak dapat dipesan.',
      INVALID_SLOT: 'Jam itu tidak tersedia. Silakan pilih jam lain.',
      INVALID_REQUEST: 'Permintaan tidak valid. Periksa isian Anda.',
      CHECK_IN_WINDOW: 'Di luar waktu check-in untuk booking ini.',
      SERVICE_CLOSED: 'Layanan ini tutup pada hari itu.',
      NETWORK: 'Tidak dapat terhubung ke server. Periksa sambungan lalu coba lagi.',
    },

  },
  en: {
    otherLang: 'Bahasa Indonesia',
    days: DAYS_EN,
    months: MONTHS_EN,
    title: 'Book a visit',
    loading: 'Loading…',
    hallUnavailable: 'Cannot reach the server yet. Check your internet connection and reload the page.',
    back: 'Back',
    retry: 'Try again',

    welcome: 'Book your arrival time',
    welcomeLine: 'Choose a service, a day and a time. On the day, show the booking code at a kiosk to get your queue number.',
    newBooking: 'Make a new booking',
    findTitle: 'Already booked?',
    findLabel: 'Booking code',
    findButton: 'Find booking',
    findEmpty: 'Type your booking code.',
    mine: 'Bookings on this phone',
    noBookable: 'No service can be booked online yet.',

    chooseAgency: 'Choose an office',
    chooseService: 'Choose a service',
    chooseDay: 'Choose a day',
    chooseSlot: 'Choose your arrival time',
    stepOf: (n, of) => `Step ${n} of ${of}`,
    servicesBookable: (n) => `${n} service${n === 1 ? '' : 's'} to book`,
    today: 'Today',
    tomorrow: 'Tomorrow',
    slotLeft: (n) => `${n} place${n === 1 ? '' : 's'} left`,
    slotFull: 'Full',
    slotPast: 'Passed',
    noSlots: 'No service hours on this day. Please choose another day.',
    allFull: 'Every time on this day is taken. Please choose another day.',
    dayOpensAt: (when) => `Booking for this day opens ${when}.`,
    loadingSlots: 'Loading the free times…',
    rescheduleTitle: 'Move booking',
    rescheduleLine: (code) => `Choose a new day and time for booking ${code}.`,

    identityTitle: 'Your details',
    nikLabel: 'NIK (16 digits, as on your KTP-el/KK)',
    phoneLabel: 'Mobile number',
    phoneHint: 'For example 0812 3456 7890 or +62 812 3456 7890',
    nikShort: 'The NIK has 16 digits.',
    phoneShort: 'The mobile number is not complete.',
    consentWhat: (fields) => `What we collect: ${fields}.`,
    consentWhy: 'Only to keep to one booking per person, service and day, and for the officer to check at the counter.',
    consentHow: (days) => (days
      ? `Kept for at most ${days} days after the visit, then deleted. Screens and tickets show only part of the digits.`
      : 'Kept only for the set retention period, then deleted. Screens and tickets show only part of the digits.'),
    consentLaw: 'Under Law 27/2022 on Personal Data Protection.',
    consentAgree: 'I agree to these details being used for this purpose.',
    consentNeeded: 'Tick the consent box to go on.',
    fieldNik: 'NIK',
    fieldPhone: 'mobile number',
    noIdentity: 'This service needs no personal data.',
    confirmTitle: 'Check your booking',
    book: 'Book now',
    booking: 'Booking…',

    yourCode: 'Your booking code',
    qrLabel: 'Show this QR code to the scanner at a kiosk',
    slotLabel: 'When',
    serviceLabel: 'Service',
    statusLabel: 'Status',
    nikShown: 'NIK',
    phoneShown: 'Mobile',
    status: {
      BOOKED: 'Booked',
      CHECKED_IN: 'Checked in',
      CANCELLED: 'Cancelled',
      NO_SHOW: 'Did not come',
      EXPIRED: 'Expired',
    },
    statusLine: {
      BOOKED: 'Keep this code. This page updates by itself.',
      CHECKED_IN: 'You have checked in. Opening your queue number…',
      CANCELLED: 'This booking is cancelled. You may make a new one.',
      NO_SHOW: 'You did not check in in time. Please book again or take a number at a kiosk.',
      EXPIRED: 'This booking is over.',
    },
    arrivalTitle: 'When you arrive',
    arrivalWindow: (from, to) => `Come between ${from} and ${to}.`,
    arrivalWindowPlain: 'Come around your booked time; check-in opens before it and closes shortly after.',
    arrivalKiosk: 'At a kiosk, touch "Saya sudah booking" (I have booked), then scan this QR code or type the code.',
    arrivalTicket: 'The kiosk prints your queue number; it is called by your booked time.',
    arrivalLate: 'Later than the check-in window? Take an ordinary number at a kiosk.',
    bringTitle: 'Documents to bring',
    nothingToBring: 'No special documents needed',
    cancel: 'Cancel booking',
    reschedule: 'Move to another time',
    followTicket: 'Open my queue number',
    bookAgain: 'Make another booking',
    toStart: 'Start',
    cancelQuestion: (code) => `Cancel booking ${code}?`,
    cancelWarning: 'Your place goes to someone else. To come, you would need a new booking.',
    cancelYes: 'Yes, cancel',
    cancelNo: 'No',
    notFound: 'No booking has that code. Please check it.',
    live: 'Updates automatically',
    privacy: 'The booking code is the key to your booking: do not share it.',
    forget: 'Remove from this phone',

    refusal: {
      SLOT_FULL: 'That time has just filled up. Please choose another time.',
      QUOTA_EXHAUSTED: 'The online quota for that day is used up. Please choose another day.',
      ALREADY_BOOKED: 'This NIK already has a booking for this service on that day. One booking per person per day.',
      BOOKING_CLOSED: 'Booking for that day is not open yet or has closed.',
      INVALID_NIK: 'The NIK is not valid. Check the 16 digits on your KTP-el or KK.',
      INVALID_PHONE: 'The mobile number is not valid. Use an Indonesian number, e.g. 0812… or +62 812….',
      RATE_LIMITED: (s) => `Too many requests. Please try again${s ? ` in ${s} seconds` : ' shortly'}.`,
      UNKNOWN_BOOKING: 'No booking has that code. Please check it.',
      UNKNOWN_SERVICE: 'That service was not found.',
      BOOKING_NOT_ACTIVE: 'This booking can no longer be changed (checked in, cancelled or over).',
      INVALID_DAY: 'That day cannot be booked.',
      INVALID_SLOT: 'That time is not offered. Please choose another time.',
      INVALID_REQUEST: 'The request is not valid. Please check what you entered.',
      CHECK_IN_WINDOW: 'Outside the check-in time of this booking.',
      SERVICE_CLOSED: 'This service is closed on that day.',
      NETWORK: 'Cannot reach the server. Check your connection and try again.',
    },

  },
};

const messages = i18n(MESSAGES);

export const { lang, setLang, serverText } = messages;

/** The text for a key, or the function's result for the given arguments; the key itself if there is none. */
export function t(key, ...args) {
  return messages.t(key, ...args) ?? key;
}

/**
 * The sentence for a refusal: our own for a known code (the server's detail may say more, e.g.
 * which day), else the server's detail in the screen's language.
 */
export function refusalText(code, detail, retryAfter) {
  const own = messages.t(`refusal.${code}`, retryAfter);
  return own ?? (serverText(detail) || t('refusal.NETWORK'));
}

/** "Senin, 30 November 2026" of a service day "2026-11-30". */
export function dayName(day, { year = true } = {}) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day || '');
  if (!m) {
    return day || '';
  }
  const [, y, mo, d] = m;
  const weekday = new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay();
  const table = MESSAGES[messages.lang()];
  return `${table.days[weekday]}, ${+d} ${table.months[+mo - 1]}${year ? ` ${y}` : ''}`;
}

/** "09.30" of "09:30", "09.30", "09:30:00" or a local date-time "2026-11-30T09:30...": the wall clock as given. */
export function clock(text) {
  const m = /(?:^|T)(\d{2})[:.](\d{2})/.exec(text || '');
  return m ? hhmm(m[1], m[2]) : '';
}
