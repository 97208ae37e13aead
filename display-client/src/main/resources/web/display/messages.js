// Every text the wall display shows or says, Bahasa Indonesia first, English second.
// Pick the language with ?lang=en; anything else is Indonesian.

/** A zone's id as a name: "lantai-1" -> "Lantai 1" (the same in both languages). */
const zoneName = (id) => id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

const MESSAGES = {
  id: {
    pageTitle: 'Layar Antrean',
    zoneAll: 'Semua Loket',
    zone: zoneName,
    nowCalling: 'Nomor Antrean',
    waitingForCall: 'Belum ada panggilan',
    recall: 'Panggilan ulang',
    recentCalls: 'Panggilan Terakhir',
    noRecentCalls: 'Belum ada panggilan sebelumnya',
    counters: 'Loket',
    counterClosed: 'Tutup',
    agencyClosed: 'Tutup',
    counterPaused: 'Istirahat',
    counterIdle: 'Siap',
    waiting: 'Menunggu',
    waitingUnit: (n) => `${n} orang`,
    offline: 'Terputus',
    enableSound: 'Klik untuk mengaktifkan suara',
    enableSoundHint: 'Browser menahan suara sampai layar ini diklik satu kali.',
    days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
      'Oktober', 'November', 'Desember'],
    speechLang: 'id-ID',
  },
  en: {
    pageTitle: 'Queue Display',
    zoneAll: 'All Counters',
    zone: zoneName,
    nowCalling: 'Now Calling',
    waitingForCall: 'No calls yet',
    recall: 'Called again',
    recentCalls: 'Recent Calls',
    noRecentCalls: 'No earlier calls',
    counters: 'Counters',
    counterClosed: 'Closed',
    agencyClosed: 'Closed',
    counterPaused: 'On break',
    counterIdle: 'Ready',
    waiting: 'Waiting',
    waitingUnit: (n) => `${n} waiting`,
    offline: 'Disconnected',
    enableSound: 'Click to enable sound',
    enableSoundHint: 'The browser holds back sound until this screen is clicked once.',
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
      'October', 'November', 'December'],
    // the announcement text from the server is Indonesian whatever the screen language
    speechLang: 'id-ID',
  },
};

/** The message table for a language code; Indonesian unless English is asked for. */
export function messagesFor(lang) {
  return lang === 'en' ? MESSAGES.en : MESSAGES.id;
}
