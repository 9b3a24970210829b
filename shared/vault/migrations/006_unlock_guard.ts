/**
 * What must be read before any key exists (shared/seizure/unlockGuard.ts): the duress slot (random
 * bytes until a duress passphrase is set, so the file never says whether one is), the failed-unlock
 * wipe threshold (0: off) and the count of failed unlocks since the last good one. Not in the
 * manifest: a failed unlock has no key to sign a change with.
 */
export const sql = `
CREATE TABLE unlock_guard (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  duress_slot BLOB NOT NULL,
  wipe_after INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO unlock_guard (id, duress_slot) VALUES (1, randomblob(32));
`;
