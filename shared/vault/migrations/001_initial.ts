/**
 * The first schema. Plaintext columns hold only random ids and ciphertext; the header holds what is
 * needed to derive the key (salt, KDF limits) and the wrapped vault key.
 */
export const sql = `
CREATE TABLE vault_header (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  magic TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  vault_id BLOB NOT NULL,
  kdf_level TEXT NOT NULL,
  kdf_ops INTEGER NOT NULL,
  kdf_mem INTEGER NOT NULL,
  salt BLOB NOT NULL,
  passphrase_wrap BLOB NOT NULL,
  recovery_salt BLOB NOT NULL,
  recovery_wrap BLOB NOT NULL
) STRICT;

-- Ops are sealed in segments: one per write, compacted into larger ones as they accumulate.
CREATE TABLE op_segments (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;

-- Single named objects (identity, settings), each under an id derived from its name by a keyed hash.
CREATE TABLE records (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;
`;
