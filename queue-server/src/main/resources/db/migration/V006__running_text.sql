-- The running text on the wall displays, set by managers; NULL means the configuration's.
ALTER TABLE hall ADD COLUMN running_text text;
