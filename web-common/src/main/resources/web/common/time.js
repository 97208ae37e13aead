// Times of day as Indonesian texts write them, "12.45", on every page and in both languages: a
// hall shows one format, on its screens as on its tickets (the server and the printer write the
// same). The wall-clock fields come from the hall's time zone, whatever the device's own zone.

const pad = (n) => String(n).padStart(2, '0');

/** "08.05" for hour 8, minute 5. */
export function hhmm(hour, minute) {
  return `${pad(Number(hour))}.${pad(Number(minute))}`;
}

/** "08.05.09": with seconds, for monitors. */
export function hhmmss(hour, minute, second) {
  return `${hhmm(hour, minute)}.${pad(Number(second))}`;
}

/**
 * The hall's calendar fields of an instant: {weekday 0-6 (Sunday 0), day, month 0-11, year, hour,
 * minute, second}. An unknown zone name falls back to the device's zone.
 */
export function hallFields(date, timeZone) {
  const options = {
    weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  };
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timeZone || undefined }).formatToParts(date);
  } catch (e) {
    parts = new Intl.DateTimeFormat('en-US', options).formatToParts(date);
  }
  const get = (type) => parts.find((p) => p.type === type)?.value;
  return {
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    day: Number(get('day')),
    month: Number(get('month')) - 1,
    year: Number(get('year')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
}

/** "12.45" for an instant in the hall's zone. */
export function hallTime(date, timeZone) {
  const f = hallFields(date, timeZone);
  return hhmm(f.hour, f.minute);
}
