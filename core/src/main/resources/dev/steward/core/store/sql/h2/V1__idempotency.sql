-- Steward idempotency records, one row per (namespace, key).
-- Applied by JdbcIdempotencyStore.migrate(); never edit this file once released: add a new version.
-- ${table:...} and ${name:...} are replaced by the configured schema and table prefix.
-- Times are the caller's clock, passed in; the database's clock is never read for them.

CREATE TABLE ${table:idempotency} (
  namespace        CHARACTER VARYING(255)      NOT NULL,
  idem_key         CHARACTER VARYING(255)      NOT NULL,
  fingerprint      CHARACTER VARYING(72)       NOT NULL,
  lease_token      CHARACTER VARYING(64)       NOT NULL,
  lease_expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  attempt          INTEGER                     NOT NULL,
  succeeded        BOOLEAN,
  result           CHARACTER LARGE OBJECT,
  error_type       CHARACTER VARYING,
  error_message    CHARACTER LARGE OBJECT,
  completed_at     TIMESTAMP(6) WITH TIME ZONE,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT ${name:idempotency_pk} PRIMARY KEY (namespace, idem_key),
  CONSTRAINT ${name:idempotency_attempt_ck} CHECK (attempt >= 1),
  CONSTRAINT ${name:idempotency_outcome_ck} CHECK ((completed_at IS NULL) = (succeeded IS NULL))
);

CREATE INDEX ${name:idempotency_expires_idx} ON ${table:idempotency} (expires_at);
