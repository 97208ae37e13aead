// The header clock, in the hall's time zone whatever the TV's own zone is set to.
// Day and month names come from the message table, so a browser without full ICU data still
// shows "Sabtu, 28 November 2026".

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The hall's calendar fields of an instant: {weekday 0-6, day, month 0-11, year, hour, minute}. */
export function hallTime(date, timeZone) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    }).formatToParts(date);
  } catch (e) {
    // an unknown zone name: the TV's own zone is the best guess left
    parts = new Intl.DateTimeFormat('en-US', {
      weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    }).formatToParts(date);
  }
  const get = (type) => parts.find((p) => p.type === type)?.value;
  return {
    weekday: WEEKDAYS.indexOf(get('weekday')),
    day: Number(get('day')),
    month: Number(get('month')) - 1,
    year: Number(get('year')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
  };
}

/** {date: "Sabtu, 28 November 2026", time: "14:05"} */
export function formatClock(date, timeZone, msg) {
  const t = hallTime(date, timeZone);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    date: `${msg.days[t.weekday]}, ${t.day} ${msg.months[t.month]} ${t.year}`,
    time: `${pad(t.hour)}:${pad(t.minute)}`,
  };
}
