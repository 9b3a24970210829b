import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkMigrationOrder, runMigrations } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

describe('migrations', () => {
  it('build the whole schema from an empty database and record the version', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(['op_segments', 'records', 'vault_header']),
    );
    expect(runMigrations(db, MIGRATIONS)).toBe(0);
  });

  it('are numbered in order with no gap', () => {
    expect(() => checkMigrationOrder(MIGRATIONS)).not.toThrow();
    const gap: Migration[] = [MIGRATIONS[0]!, { version: 3, name: '003_x', sql: '' }];
    expect(() => checkMigrationOrder(gap)).toThrow(/expected 2/);
  });

  it('roll back entirely when one step fails', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      MIGRATIONS[0]!,
      { version: 2, name: '002_broken', sql: 'CREATE TABLE ok (x); NOT SQL' },
    ];
    expect(() => runMigrations(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('refuse a database from a newer version', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 50');
    expect(() => runMigrations(db, MIGRATIONS)).toThrow(/newer version of Crossing/);
  });
});
