-- Steward idempotency records, one row per (namespace, key).
-- Applied by JdbcIdempotencyStore.migrate(); never edit this file once released: add a new version.
-- ${table:...} and ${name:...} are replaced by the configured schema and table prefix.
-- Times are the caller's clock, passed in; the database's clock is never read for them.

CREATE TABLE ${table:idempotency} (
  namespace        varchar(255) NOT NULL,
  idem_key         varchar(255) NOT NULL,
  fingerprint      varchar(72)  NOT NULL,
  lease_token      varchar(64)  NOT NULL,
  lease_expires_at timestamptz  NOT NULL,
  attempt          integer      NOT NULL,
  succeeded        boolean,
  result           text,
  error_type       text,
  error_message    text,
  completed_at     timestamptz,
  created_at       timestamptz  NOT NULL,
  expires_at       timestamptz  NOT NULL,
  CONSTRAINT ${name:idempotency_pk} PRIMARY KEY (namespace, idem_key),
  CONSTRAINT ${name:idempotency_attempt_ck} CHECK (attempt >= 1),
  CONSTRAINT ${name:idempotency_outcome_ck} CHECK ((completed_at IS NULL) = (succeeded IS NULL))
);

CREATE INDEX ${name:idempotency_expires_idx} ON ${table:idempotency} (expires_at);
