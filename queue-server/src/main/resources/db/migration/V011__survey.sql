-- The SKM survey (PermenPANRB 14/2017): one response per visit, and the survey tablet at a counter.

-- A survey tablet is a device of its own kind, bound to the counter whose finished visits it asks about.
ALTER TABLE device DROP CONSTRAINT device_kind_known;
ALTER TABLE device ADD CONSTRAINT device_kind_known CHECK (kind IN ('kiosk', 'display', 'print-agent', 'survey'));
ALTER TABLE device ADD COLUMN counter_id text REFERENCES counter (id);
ALTER TABLE device ADD CONSTRAINT device_survey_has_counter CHECK ((kind = 'survey') = (counter_id IS NOT NULL));

-- A visit is its tracking token (a transfer keeps it): the unique constraint, not a read before the
-- write, is what refuses a second response. The service, agency and day are those of the ticket that
-- finished the visit, kept here so the index reads no ticket rows.
CREATE TABLE survey_response (
  id              bigserial PRIMARY KEY,
  tracking_token  text NOT NULL CONSTRAINT survey_response_one_per_visit UNIQUE,
  ticket_id       bigint NOT NULL REFERENCES ticket (id),
  service         text NOT NULL REFERENCES service (code),
  agency          text NOT NULL REFERENCES agency (code),
  counter_id      text REFERENCES counter (id),
  service_day     date NOT NULL,
  answered_at     timestamptz NOT NULL,
  channel         text NOT NULL CONSTRAINT survey_response_channel_known CHECK (channel IN ('phone', 'tablet')),
  u1 smallint NOT NULL, u2 smallint NOT NULL, u3 smallint NOT NULL, u4 smallint NOT NULL, u5 smallint NOT NULL,
  u6 smallint NOT NULL, u7 smallint NOT NULL, u8 smallint NOT NULL, u9 smallint NOT NULL,
  age_band        text CONSTRAINT survey_response_age_band_known
                  CHECK (age_band IN ('under-20', '20-29', '30-39', '40-49', '50-59', '60-plus')),
  sex             text CONSTRAINT survey_response_sex_known CHECK (sex IN ('L', 'P')),
  education       text CONSTRAINT survey_response_education_known
                  CHECK (education IN ('SD', 'SMP', 'SMA', 'D1-D4', 'S1', 'S2', 'S3')),
  occupation      text CONSTRAINT survey_response_occupation_known
                  CHECK (occupation IN ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'PELAJAR', 'LAINNYA')),
  comment         text CONSTRAINT survey_response_comment_length CHECK (char_length(comment) <= 500),
  CONSTRAINT survey_response_answers_in_scale CHECK (
    u1 BETWEEN 1 AND 4 AND u2 BETWEEN 1 AND 4 AND u3 BETWEEN 1 AND 4 AND u4 BETWEEN 1 AND 4 AND u5 BETWEEN 1 AND 4
    AND u6 BETWEEN 1 AND 4 AND u7 BETWEEN 1 AND 4 AND u8 BETWEEN 1 AND 4 AND u9 BETWEEN 1 AND 4)
);
CREATE INDEX survey_response_day ON survey_response (service_day, agency, service);

-- The tablet asks every few seconds for its counter's latest finished visit.
CREATE INDEX ticket_counter_finished ON ticket (counter_id, finished_at) WHERE status = 'DONE';
