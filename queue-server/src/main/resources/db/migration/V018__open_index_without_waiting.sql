-- ticket_open_by_day (V014) held the day's WAITING tickets too, so it could answer any read of
-- "WAITING tickets of service S on day D" by reading every open ticket of the day in the hall and
-- filtering. The planner took it whenever the table's statistics held no ticket of today (every
-- morning, and all day long in a table with a long history, where 10 % of it must change before
-- it is analysed again): a plan cached that way read thousands of rows per issue, per position
-- lookup and per booking check-in. The WAITING tickets have ticket_waiting, which those reads use
-- with every condition in the index; this index keeps only the other open statuses, so no read of
-- the WAITING tickets can take it. The closing job reads both (HousekeepingStore.CLOSE_DAY).
-- The predicate also names service_day (never null): a partial index whose predicate a statement
-- implies may be read whole, and a transfer (one ticket by id, status SERVING) took this one,
-- estimated empty, over the primary key. Only statements that name the day can take it now.
DROP INDEX ticket_open_by_day;
CREATE INDEX ticket_open_by_day ON ticket (service_day)
  WHERE status IN ('CALLED', 'SERVING', 'HELD') AND service_day IS NOT NULL;
