-- The Smart Defaults store (DESIGN.md, "Smart Defaults engine"). Times are epoch milliseconds so
-- that the same repository code runs on SQLite and PostgreSQL.
CREATE TABLE default_values (
  id            BIGSERIAL PRIMARY KEY,
  key           TEXT             NOT NULL,
  value         TEXT             NOT NULL,
  value_type    TEXT             NOT NULL
                CHECK (value_type IN ('string', 'integer', 'number', 'boolean', 'json', 'enum')),
  value_schema  TEXT,
  context       TEXT             NOT NULL DEFAULT '{}',
  context_size  INTEGER          NOT NULL DEFAULT 0,
  confidence    DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
  usage_count   BIGINT           NOT NULL DEFAULT 0,
  success_rate  DOUBLE PRECISION NOT NULL DEFAULT 0,
  last_used     BIGINT,
  created_at    BIGINT           NOT NULL,
  updated_at    BIGINT           NOT NULL,
  expires_at    BIGINT,
  is_deprecated BOOLEAN          NOT NULL DEFAULT FALSE,
  is_secret     BOOLEAN          NOT NULL DEFAULT FALSE,
  version       BIGINT           NOT NULL DEFAULT 1,
  -- Also the index on key: lookups by key use its leading column.
  CONSTRAINT uq_default_values_key_context UNIQUE (key, context)
);
CREATE INDEX idx_default_values_context ON default_values (context);
CREATE INDEX idx_default_values_confidence ON default_values (confidence);

CREATE TABLE changes (
  id             BIGSERIAL PRIMARY KEY,
  entity         TEXT   NOT NULL,
  entity_id      BIGINT,
  entity_key     TEXT,
  operation      TEXT   NOT NULL,
  old_value      TEXT,
  new_value      TEXT,
  actor          TEXT   NOT NULL,
  correlation_id TEXT,
  changed_at     BIGINT NOT NULL
);
CREATE INDEX idx_changes_key ON changes (entity_key, id);
CREATE INDEX idx_changes_time ON changes (changed_at);

CREATE TABLE usage_events (
  id          BIGSERIAL PRIMARY KEY,
  key         TEXT   NOT NULL,
  context     TEXT   NOT NULL,
  value       TEXT   NOT NULL,
  outcome     TEXT   NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'chosen')),
  suggested   TEXT,
  occurred_at BIGINT NOT NULL,
  source      TEXT
);
CREATE INDEX idx_usage_events_key ON usage_events (key, id);
