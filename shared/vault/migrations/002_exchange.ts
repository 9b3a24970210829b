/**
 * Sealed exchange state. Like every table, plaintext columns hold only ids (random, or a keyed hash
 * of what the row is about so it can be found without being readable) and ciphertext.
 */
export const sql = `
-- Contacts: one row per known key (id = keyed hash of its fingerprint).
CREATE TABLE contacts (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;

-- Export ids already imported, and when (id = keyed hash of the export id).
CREATE TABLE import_log (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;

-- The highest export sequence number seen from each sender (id = keyed hash of its fingerprint).
CREATE TABLE sender_sequences (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;

-- Purged cases: their ops are gone, and no import may bring them back (id = keyed hash of the case id).
CREATE TABLE tombstones (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;
`;
