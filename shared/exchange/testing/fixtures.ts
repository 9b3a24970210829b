import path from 'node:path';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../oplog/fold.js';
import { Vault } from '../../vault/vault.js';
import { addContact, myKeyCard } from '../contacts.js';

/** Test helpers: real vault files in a temp folder, and ways to compare vaults and files. */
export const PASSPHRASE = 'correct horse battery staple';

export async function makeVault(
  dir: string,
  name: string,
  options: { postQuantum?: boolean; file?: string } = {},
): Promise<Vault> {
  const { vault } = await Vault.create(path.join(dir, `${options.file ?? name}.crossing-vault`), {
    passphrase: PASSPHRASE,
    kdf: 'interactive',
    displayName: name,
    postQuantum: options.postQuantum ?? false,
  });
  return vault;
}

/** Each vault adds the other's key card, verified (as after comparing safety numbers). */
export function introduce(a: Vault, b: Vault, verified = true): void {
  addContact(a, myKeyCard(b), { verified });
  addContact(b, myKeyCard(a), { verified });
}

/** Every case as folded, in a canonical text: two vaults with the same ops give the same text. */
export function casesSnapshot(vault: Vault): string {
  const cases = [...vault.allCases()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonicalJson(cases);
}

/** Every row of every table, as stored: any write (even a re-seal of the same data) changes it. */
export function rowsSnapshot(vault: Vault): string {
  return vault.transaction((db: Database.Database) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>;
    return tables
      .map(({ name }) => {
        const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
        return `${name}:${rows
          .map((r) =>
            Object.values(r)
              .map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : String(v)))
              .join('|'),
          )
          .join('\n')}`;
      })
      .join('\n\n');
  });
}
