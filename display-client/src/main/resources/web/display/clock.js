// The header clock, in the hall's time zone whatever the TV's own zone is set to.
// Day and month names come from the message table, so a browser without full ICU data still
// shows "Sabtu, 28 November 2026"; the time is written as every page writes it ("14.05").
import { hallFields, hhmm } from '/web/common/time.js';

/** The hall's calendar fields of an instant: {weekday 0-6, day, month 0-11, year, hour, minute}. */
export function hallTime(date, timeZone) {
  return hallFields(date, timeZone);
}

/** {date: "Sabtu, 28 November 2026", time: "14.05"} */
export function formatClock(date, timeZone, msg) {
  const t = hallFields(date, timeZone);
  return {
    date: `${msg.days[t.weekday]}, ${t.day} ${msg.months[t.month]} ${t.year}`,
    time: hhmm(t.hour, t.minute),
  };
}
