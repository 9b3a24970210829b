/**
 * What a benchmark module gives the runner: a name, and a run that returns sections of the report.
 * New benchmarks (export, import, …) are new modules registered in run.ts; nothing else changes.
 */
export interface BenchContext {
  /** Case counts to measure, e.g. [150, 10000, 100000]. */
  sizes: readonly number[];
  /** A fresh folder for this module's files; removed after the run. */
  workDir: string;
  /** Progress for the person watching; not part of the report. */
  log: (message: string) => void;
}

export interface Table {
  columns: string[];
  rows: (string | number)[][];
}

export interface Section {
  title: string;
  tables: Table[];
  /** Lines below the tables: what the numbers mean, targets met or missed. */
  notes: string[];
}

export interface BenchModule {
  name: string;
  run: (ctx: BenchContext) => Promise<Section[]>;
}
