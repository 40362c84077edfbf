-- Steward stream positions: the last applied version (or source timestamp) of each stream.
-- Applied by JdbcStores.migrate(); never edit this file once released: add a new version.
-- ${table:...} and ${name:...} are replaced by the configured schema and table prefix.
-- A position moves only by compare-and-set: UPDATE ... WHERE stream = ? AND position = ?.

CREATE TABLE ${table:sequence} (
  stream   CHARACTER VARYING(512) NOT NULL,
  position BIGINT                 NOT NULL,
  CONSTRAINT ${name:sequence_pk} PRIMARY KEY (stream)
);
