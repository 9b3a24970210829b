import type Database from 'better-sqlite3';
import { failureError } from '../errors.js';
import type { Migration } from './migrations/index.js';

/** Checks that migrations are numbered 1, 2, 3… with no gap, no repeat and no reordering. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has number ${m.version}, expected ${i + 1}`);
    if (!m.name.startsWith(String(m.version).padStart(3, '0'))) throw new Error(`migration ${m.name} is misnamed`);
  });
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length;
}

/**
 * Brings the schema to the latest version in one transaction, recording it in `user_version`.
 * A database from a newer Crossing is refused rather than guessed at.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  checkMigrationOrder(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw failureError(
      `this vault was written by a newer version of Crossing (schema ${current}, this one knows ${latest})`,
      'vaultNewer',
    );
  }
  if (current === latest) return 0;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest - current;
}
