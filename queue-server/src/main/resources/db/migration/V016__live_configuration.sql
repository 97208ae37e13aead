-- The hall's configuration changes while it runs (issue 12). The hall row gets a version:
-- administrators update it optimistically, and a node that missed the announcement of a change
-- notices the new version when it next polls. Services and counters taken out of the
-- configuration stay (tickets and events refer to them) but are no longer active; a prefix is
-- unique among the active services only, so a retired service frees its letter.
ALTER TABLE hall ADD COLUMN version bigint NOT NULL DEFAULT 1 CONSTRAINT hall_version_positive CHECK (version > 0);
ALTER TABLE hall ADD COLUMN changed_at timestamptz;
ALTER TABLE hall ADD COLUMN changed_by text;

ALTER TABLE agency ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE service ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE counter ADD COLUMN active boolean NOT NULL DEFAULT true;

ALTER TABLE service DROP CONSTRAINT service_prefix_unique;
CREATE UNIQUE INDEX service_prefix_active ON service (prefix) WHERE active;
