/**
 * A sealed snapshot of the in-memory index (case summaries, search keys, the segment directory),
 * written on lock, so that opening a large vault authenticates every segment but folds only the
 * cases changed since. A cache: it names the exact segments it covers and is ignored when any of
 * them is gone. Rows are chunks under keyed-hash ids.
 */
export const sql = `
CREATE TABLE index_snapshot (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;
`;
