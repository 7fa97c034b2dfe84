-- yusuan server schema. Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15+.
-- Money is bigint 分 (0.01 元). Published snapshots and the audit log are append-only.

-- Secrets generated on first start (cookie signing, CSRF HMAC); never leave the database.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE departments (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name text NOT NULL
);

CREATE TABLE units (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  department_code text NOT NULL REFERENCES departments (code),
  name text NOT NULL,
  type text NOT NULL
);
CREATE INDEX units_department ON units (department_code);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor')),
  department_code text REFERENCES departments (code),
  unit_code text REFERENCES units (code),
  -- scrypt$N$r$p$salt$hash (base64url)
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- an admin has no scope, a reviewer one department, an editor one unit
  CHECK (
    (role = 'admin' AND department_code IS NULL AND unit_code IS NULL)
    OR (role = 'reviewer' AND department_code IS NOT NULL AND unit_code IS NULL)
    OR (role = 'editor' AND department_code IS NULL AND unit_code IS NOT NULL)
  )
);

CREATE TABLE sessions (
  -- sha256 of the cookie value, so that a copy of the database does not hand out sessions
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The budget of one unit for one year. `document` holds the budget model except its line items
-- (filer, projects, year-end balances, special funds, performance goals; amounts in 分).
CREATE TABLE budgets (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code text NOT NULL REFERENCES units (code),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'approved', 'returned', 'published')),
  -- optimistic locking: every change increments it; writers send the version they read
  version integer NOT NULL DEFAULT 1,
  document jsonb NOT NULL,
  -- the reviewer's comment of the last return or approval
  review_comment text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id),
  UNIQUE (unit_code, year)
);

CREATE TABLE line_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  budget_id integer NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
  -- display order (the order of the imported CSV, new items at the end)
  position integer NOT NULL,
  function_code text NOT NULL CHECK (function_code ~ '^[0-9]{7}$'),
  dept_econ_code text NOT NULL CHECK (dept_econ_code ~ '^[0-9]{5}$'),
  gov_econ_code text NOT NULL CHECK (gov_econ_code ~ '^([0-9]{5})?$'),
  kind text NOT NULL,
  project text,
  fund_source text NOT NULL,
  amount_fen bigint NOT NULL
);
CREATE INDEX line_items_budget ON line_items (budget_id, position);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users (id),
  username text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  unit_code text,
  year integer,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_budget ON audit_log (unit_code, year, id);

-- What the public sees: frozen at publication, numbered 1, 2, … per unit and year.
-- `content` is the exact JSON text whose sha256 is `content_hash`.
CREATE TABLE published_snapshots (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code text NOT NULL REFERENCES units (code),
  year integer NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  budget_version integer NOT NULL,
  content text NOT NULL,
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by integer REFERENCES users (id),
  UNIQUE (unit_code, year, version)
);

CREATE FUNCTION yusuan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加，不能修改或删除', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER published_snapshots_append_only BEFORE UPDATE OR DELETE ON published_snapshots
  FOR EACH ROW EXECUTE FUNCTION yusuan_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION yusuan_append_only();
