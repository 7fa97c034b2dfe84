-- Per-account login backoff: failed sign-ins counted by user name (existing or not, so that a
-- lockout does not tell which names exist); a success deletes the row. After a few failures the
-- name is locked for a while that doubles with each further failure (src/server/auth/backoff.ts).
CREATE TABLE login_failures (
  username text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
