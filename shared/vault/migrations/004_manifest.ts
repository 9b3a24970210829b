/**
 * The manifest (see shared/vault/manifest.ts): one sealed row naming every row of the vault and
 * its version, with a counter raised by every write. Written in the same transaction as every
 * change; checked at open and by `check`. A vault migrated to this version gets its manifest at
 * the same open, from rows that have just been authenticated.
 */
export const sql = `
CREATE TABLE manifest (
  id BLOB PRIMARY KEY,
  sealed BLOB NOT NULL
) STRICT;
`;
