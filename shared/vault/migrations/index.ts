import * as m001 from './001_initial.js';
import * as m002 from './002_exchange.js';
import * as m003 from './003_index_snapshot.js';
import * as m004 from './004_manifest.js';
import * as m005 from './005_files.js';
import * as m006 from './006_unlock_guard.js';
import * as m007 from './007_compressed_segments.js';

/** Numbered migrations, in order. Never edit one that has shipped: add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_initial', sql: m001.sql },
  { version: 2, name: '002_exchange', sql: m002.sql },
  { version: 3, name: '003_index_snapshot', sql: m003.sql },
  { version: 4, name: '004_manifest', sql: m004.sql },
  { version: 5, name: '005_files', sql: m005.sql },
  { version: 6, name: '006_unlock_guard', sql: m006.sql },
  { version: 7, name: '007_compressed_segments', sql: m007.sql },
];
