-- Steward audit log: one row per entry, hash-chained by AuditLog, and the chain's head row.
-- Applied by JdbcStores.migrate(); never edit this file once released: add a new version.
-- ${table:...} and ${name:...} are replaced by the configured schema and table prefix.
-- Times are the caller's clock, passed in; the database's clock is never read for them.
-- Append-only: Steward never updates or deletes a row; the application's role needs INSERT and
-- SELECT on the audit table and SELECT ... FOR UPDATE (UPDATE privilege) on the head table only.

CREATE TABLE ${table:audit} (
  sequence           bigint       NOT NULL,
  at                 timestamptz  NOT NULL,
  at_nanos           smallint     NOT NULL,
  actor_kind         varchar(16)  NOT NULL,
  actor_id           varchar(255) NOT NULL,
  action             varchar(100) NOT NULL,
  entity             varchar(255),
  attributes         text         NOT NULL,
  before_fingerprint varchar(72),
  after_fingerprint  varchar(72),
  correlation_id     varchar(255),
  policy_version     varchar(255),
  details            text         NOT NULL,
  previous_hash      varchar(64)  NOT NULL,
  hash               varchar(64)  NOT NULL,
  CONSTRAINT ${name:audit_pk} PRIMARY KEY (sequence),
  CONSTRAINT ${name:audit_sequence_ck} CHECK (sequence >= 1),
  CONSTRAINT ${name:audit_at_nanos_ck} CHECK (at_nanos BETWEEN 0 AND 999),
  CONSTRAINT ${name:audit_actor_kind_ck} CHECK (actor_kind IN ('USER', 'SYSTEM'))
);

-- at holds the microseconds; at_nanos the nanoseconds below them, which timestamptz cannot hold
-- and the entry's hash covers. The other indexes end in sequence: queries return the oldest first.
CREATE INDEX ${name:audit_at_idx} ON ${table:audit} (at);
CREATE INDEX ${name:audit_actor_idx} ON ${table:audit} (actor_id, actor_kind, sequence);
CREATE INDEX ${name:audit_action_idx} ON ${table:audit} (action, sequence);
CREATE INDEX ${name:audit_entity_idx} ON ${table:audit} (entity, sequence);
CREATE INDEX ${name:audit_correlation_idx} ON ${table:audit} (correlation_id, sequence);

-- One row, locked by every append for its transaction: appends from every process take turns,
-- so each reads the true last entry and the chain never forks.
CREATE TABLE ${table:audit_head} (
  id integer NOT NULL,
  CONSTRAINT ${name:audit_head_pk} PRIMARY KEY (id),
  CONSTRAINT ${name:audit_head_ck} CHECK (id = 1)
);

INSERT INTO ${table:audit_head} (id) VALUES (1);
