-- The Smart Defaults store (DESIGN.md, "Smart Defaults engine"). Times are epoch milliseconds so
-- that the same repository code runs on SQLite and PostgreSQL.
CREATE TABLE default_values (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  key           TEXT    NOT NULL,
  value         TEXT    NOT NULL,
  value_type    TEXT    NOT NULL
                CHECK (value_type IN ('string', 'integer', 'number', 'boolean', 'json', 'enum')),
  value_schema  TEXT,
  context       TEXT    NOT NULL DEFAULT '{}',
  context_size  INTEGER NOT NULL DEFAULT 0,
  confidence    REAL    NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
  usage_count   INTEGER NOT NULL DEFAULT 0,
  success_rate  REAL    NOT NULL DEFAULT 0,
  last_used     INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  expires_at    INTEGER,
  is_deprecated BOOLEAN NOT NULL DEFAULT FALSE,
  is_secret     BOOLEAN NOT NULL DEFAULT FALSE,
  version       INTEGER NOT NULL DEFAULT 1,
  -- Also the index on key: lookups by key use its leading column.
  CONSTRAINT uq_default_values_key_context UNIQUE (key, context)
);
CREATE INDEX idx_default_values_context ON default_values (context);
CREATE INDEX idx_default_values_confidence ON default_values (confidence);

CREATE TABLE changes (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  entity         TEXT    NOT NULL,
  entity_id      INTEGER,
  entity_key     TEXT,
  operation      TEXT    NOT NULL,
  old_value      TEXT,
  new_value      TEXT,
  actor          TEXT    NOT NULL,
  correlation_id TEXT,
  changed_at     INTEGER NOT NULL
);
CREATE INDEX idx_changes_key ON changes (entity_key, id);
CREATE INDEX idx_changes_time ON changes (changed_at);

CREATE TABLE usage_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT    NOT NULL,
  context     TEXT    NOT NULL,
  value       TEXT    NOT NULL,
  outcome     TEXT    NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'chosen')),
  suggested   TEXT,
  occurred_at INTEGER NOT NULL,
  source      TEXT
);
CREATE INDEX idx_usage_events_key ON usage_events (key, id);
