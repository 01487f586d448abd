-- API keys of the HTTP service. Only a SHA-256 of each key is kept: keys are 190-bit random
-- strings, so a slow password hash would add latency to every request without adding safety.
CREATE TABLE api_keys (
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT   NOT NULL UNIQUE,
  role        TEXT   NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
  key_hash    TEXT   NOT NULL UNIQUE,
  key_prefix  TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  last_used   BIGINT,
  revoked_at  BIGINT
);
