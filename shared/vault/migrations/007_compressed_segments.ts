/**
 * Format 2: op segments and the index snapshot's chunks are compressed before sealing (see
 * segments.ts). No table changes; the number is what makes an older Crossing refuse the vault as
 * "written by a newer version" instead of taking a compressed segment for damage. The segments
 * themselves are rewritten when a writer first opens the vault (Vault.compressOldSegments).
 */
export const sql = `SELECT 1;`;
