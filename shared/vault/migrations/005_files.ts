/**
 * Evidence files (shared/evidence). `file_keys`: one sealed row per file (its own random key, its
 * case, size, chunk count and SHA-256), under a keyed hash of the file id. `file_chunks`: the
 * content, each chunk sealed under the file's key; `file` is the same keyed hash, so a file's
 * chunks are found together, and `n` is the chunk's position.
 */
export const sql = `
CREATE TABLE file_keys (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;

CREATE TABLE file_chunks (
  file BLOB NOT NULL,
  n INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (file, n)
) STRICT;
`;
