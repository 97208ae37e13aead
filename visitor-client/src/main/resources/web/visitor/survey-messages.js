// The SKM questionnaire's texts (PermenPANRB 14/2017): the nine elements in the regulation's
// order, each with its question and its four answers from 1 (worst) to 4 (best), and the
// respondent profile's choices. Bahasa Indonesia first, English second. The codes are the API's.

import { i18n } from '/web/common/i18n.js';

const SKM = {
  id: {
    elements: [
      ['Persyaratan', 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
        ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
      ['Prosedur', 'Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?',
        ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah']],
      ['Waktu pelayanan', 'Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?',
        ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat']],
      ['Biaya/tarif', 'Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?',
        ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']],
      ['Produk layanan', 'Bagaimana pendapat Anda tentang kesesuaian hasil pelayanan dengan yang tercantum dalam '
        + 'standar pelayanan?', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
      ['Kompetensi petugas', 'Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?',
        ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten']],
      ['Perilaku petugas', 'Bagaimana pendapat Anda tentang perilaku petugas terkait kesopanan dan keramahan?',
        ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah']],
      ['Pengaduan', 'Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?',
        ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik']],
      ['Sarana dan prasarana', 'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?',
        ['Buruk', 'Cukup', 'Baik', 'Sangat baik']],
    ],
    profile: {
      ageBand: ['Umur', { 'under-20': 'Di bawah 20', '20-29': '20–29', '30-39': '30–39', '40-49': '40–49',
        '50-59': '50–59', '60-plus': '60 ke atas' }],
      sex: ['Jenis kelamin', { L: 'Laki-laki', P: 'Perempuan' }],
      education: ['Pendidikan', { SD: 'SD', SMP: 'SMP', SMA: 'SMA/SMK', 'D1-D4': 'D1–D4', S1: 'S1', S2: 'S2', S3: 'S3' }],
      occupation: ['Pekerjaan', { PNS: 'PNS', TNI: 'TNI', POLRI: 'POLRI', SWASTA: 'Pegawai swasta',
        WIRAUSAHA: 'Wirausaha', PELAJAR: 'Pelajar/Mahasiswa', LAINNYA: 'Lainnya' }],
    },
    title: 'Survei Kepuasan Masyarakat',
    invite: 'Bagaimana pelayanan kami hari ini?',
    inviteLine: '9 pertanyaan singkat, sekitar 1 menit. Jawaban Anda tanpa nama.',
    start: 'Isi survei',
    progress: (n) => `${n} dari 9 terjawab`,
    question: (i) => `Pertanyaan ${i} dari 9`,
    profileTitle: 'Tentang Anda (boleh dilewati)',
    commentLabel: 'Saran atau masukan (boleh dikosongkan)',
    commentHint: 'Mohon tidak menulis nama, NIK atau nomor telepon.',
    send: 'Kirim penilaian',
    sendAll: 'Jawab ke-9 pertanyaan untuk mengirim',
    sending: 'Mengirim…',
    thanks: 'Terima kasih!',
    thanksLine: 'Penilaian Anda membantu kami memperbaiki pelayanan.',
    answered: 'Penilaian untuk kunjungan ini sudah kami terima. Terima kasih!',
    failed: 'Penilaian belum terkirim:',
    tryAgain: 'Periksa sambungan lalu coba kirim lagi.',
  },
  en: {
    elements: [
      ['Requirements', 'How well did the requirements match the service you came for?',
        ['Not suitable', 'Hardly suitable', 'Suitable', 'Very suitable']],
      ['Procedure', 'How easy was the procedure here?', ['Not easy', 'Hardly easy', 'Easy', 'Very easy']],
      ['Time', 'How fast was the service?', ['Not fast', 'Hardly fast', 'Fast', 'Very fast']],
      ['Cost', 'How fair was the cost or fee?', ['Very expensive', 'Rather expensive', 'Cheap', 'Free']],
      ['Result', 'How well did the result match the published service standard?',
        ['Not suitable', 'Hardly suitable', 'Suitable', 'Very suitable']],
      ['Staff competence', 'How competent were the officers?',
        ['Not competent', 'Hardly competent', 'Competent', 'Very competent']],
      ['Staff conduct', 'How polite and friendly were the officers?',
        ['Not polite or friendly', 'Hardly polite or friendly', 'Polite and friendly', 'Very polite and friendly']],
      ['Complaints', 'How are complaints from service users handled?',
        ['Not at all', 'There is a way but it does not work', 'It works, not fully', 'Handled well']],
      ['Facilities', 'How good are the facilities?', ['Poor', 'Fair', 'Good', 'Very good']],
    ],
    profile: {
      ageBand: ['Age', { 'under-20': 'Under 20', '60-plus': '60 and over' }],
      sex: ['Sex', { L: 'Male', P: 'Female' }],
      education: ['Education', { SD: 'Primary', SMP: 'Junior high', SMA: 'Senior high' }],
      occupation: ['Occupation', { PNS: 'Civil servant', SWASTA: 'Private employee', WIRAUSAHA: 'Self-employed',
        PELAJAR: 'Student', LAINNYA: 'Other' }],
    },
    title: 'Community Satisfaction Survey',
    invite: 'How was our service today?',
    inviteLine: '9 short questions, about a minute. Your answers carry no name.',
    start: 'Take the survey',
    progress: (n) => `${n} of 9 answered`,
    question: (i) => `Question ${i} of 9`,
    profileTitle: 'About you (optional)',
    commentLabel: 'Suggestions (optional)',
    commentHint: 'Please do not write your name, NIK or phone number.',
    send: 'Send my rating',
    sendAll: 'Answer all 9 questions to send',
    sending: 'Sending…',
    thanks: 'Thank you!',
    thanksLine: 'Your rating helps us improve the service.',
    answered: 'We have received the rating for this visit. Thank you!',
    failed: 'Your rating was not sent:',
    tryAgain: 'Check the connection and send again.',
  },
};

const texts = i18n(SKM);

/** The survey's text for a key in lang ('id' or 'en'). */
export function st(lang, key, ...args) {
  texts.setLang(lang);
  return texts.t(key, ...args) ?? key;
}

/** Element i's [short name, question, [four answers]] in lang. */
export function element(lang, i) {
  return SKM[lang].elements[i] || SKM.id.elements[i];
}

/** The profile fields as [code, label, [[choice, label]...]] in lang; English falls back choice by choice. */
export function profileFields(lang) {
  return Object.entries(SKM.id.profile).map(([code, [label, choices]]) => {
    const own = SKM[lang].profile[code] || [label, {}];
    return [code, own[0], Object.entries(choices).map(([c, l]) => [c, own[1][c] || l])];
  });
}
