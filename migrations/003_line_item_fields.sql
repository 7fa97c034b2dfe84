-- Line-item fields added through the field table (src/model/line-item-fields.ts):
-- the name of a function code outside the year's list, and the “三公” mark of an item booked under another 款.
ALTER TABLE line_items ADD COLUMN function_name text;
ALTER TABLE line_items ADD COLUMN three_public text
  CHECK (three_public IN ('因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费'));

-- Code lists imported by the finance department (admin) for a year; they overlay the shipped lists.
CREATE TABLE code_lists (
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('function', 'dept-econ', 'gov-econ')),
  -- the list in the shipped CSV shape (code,level,parent,name,confidence,sources,note)
  content text NOT NULL,
  source_name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  levels jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by integer REFERENCES users (id),
  PRIMARY KEY (year, kind)
);
