-- antre_book and antre_reschedule (V017) return one booking, but a set-returning function is
-- planned as returning 1,000 rows unless it says otherwise: the statements that join their row to
-- its ticket (BookingSql.BOOK, RESCHEDULE) were planned as a hash join that reads the whole ticket
-- table, every booking of a rush through every ticket of the hall's history. One row each: the
-- join is one primary-key lookup.
ALTER FUNCTION antre_book(text, text, date, time, timestamptz, timestamptz, int, int, text, text, text, text, text,
                          timestamptz) ROWS 1;
ALTER FUNCTION antre_reschedule(text, date, time, timestamptz, timestamptz, int, int, timestamptz) ROWS 1;
