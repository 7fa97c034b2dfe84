-- What the province overview needs of each published snapshot (its total and its amounts by 项),
-- computed once: at publication, or, for snapshots published before this table existed, by the
-- first overview request that needs them. Like the snapshot itself, a summary never changes.
CREATE TABLE snapshot_summaries (
  unit_code text NOT NULL,
  year integer NOT NULL,
  version integer NOT NULL,
  total_fen bigint NOT NULL,
  -- 项 code (7 digits) → amount in 分
  function_fen jsonb NOT NULL,
  PRIMARY KEY (unit_code, year, version),
  FOREIGN KEY (unit_code, year, version) REFERENCES published_snapshots (unit_code, year, version)
);

CREATE TRIGGER snapshot_summaries_append_only BEFORE UPDATE OR DELETE ON snapshot_summaries
  FOR EACH ROW EXECUTE FUNCTION yusuan_append_only();
