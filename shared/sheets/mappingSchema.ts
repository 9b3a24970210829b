import { z } from 'zod';
import { describeIssues } from '../model/case.js';
import { SHEET_LIMITS } from './limits.js';
import { refuseSheet } from './sheetErrors.js';
import { REPEATABLE_TARGETS, SHEET_TARGETS, TARGET_CODES, isEnumTarget, type SheetTarget } from './targets.js';

/**
 * The mapping of a sheet's columns to case fields and of their values to the model's codes: what
 * `crossing sheet map` prints for a person to edit and `sheet import --mapping` reads back, and what
 * the import wizard edits. This schema is its one definition.
 */
export const MAPPING_FORMAT = 'crossing-sheet-mapping/1';

const valueMappingSchema = z.strictObject({
  value: z.string().max(SHEET_LIMITS.maxCellChars),
  /** How many rows hold it (informative: written by a proposal, ignored when read). */
  count: z.number().int().min(0).optional(),
  /** The model's code, or null to keep the value in the note. */
  code: z.string().max(40).nullable(),
});

const columnMappingSchema = z.strictObject({
  column: z.string().regex(/^[A-Z]{1,3}$/, { message: 'must be a column letter such as C' }),
  header: z.string().max(SHEET_LIMITS.maxCellChars),
  target: z.enum(SHEET_TARGETS),
  values: z.array(valueMappingSchema).max(10_000).optional(),
});

export const sheetMappingSchema = z
  .strictObject({
    format: z.literal(MAPPING_FORMAT),
    sheet: z.string().max(200),
    headerRow: z.number().int().min(1).max(1_048_576),
    columns: z.array(columnMappingSchema).max(SHEET_LIMITS.maxColumns),
  })
  .superRefine((mapping, ctx) => {
    const seenColumns = new Set<string>();
    const targetColumn = new Map<SheetTarget, string>();
    mapping.columns.forEach((column, i) => {
      if (seenColumns.has(column.column)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'column'],
          message: `column ${column.column} is listed twice`,
        });
      }
      seenColumns.add(column.column);
      const earlier = targetColumn.get(column.target);
      if (earlier !== undefined && !REPEATABLE_TARGETS.has(column.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'target'],
          message: `${column.target} is mapped twice, from column ${earlier} and column ${column.column}: a case has one ${column.target}`,
        });
      }
      targetColumn.set(column.target, column.column);
      if (!column.values) return;
      if (!isEnumTarget(column.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'values'],
          message: `${column.target} takes no value mapping`,
        });
        return;
      }
      const codes: readonly string[] = TARGET_CODES[column.target];
      column.values.forEach((entry, j) => {
        if (entry.code !== null && !codes.includes(entry.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', i, 'values', j, 'code'],
            message: `"${entry.code}" is not a value of ${column.target} (one of: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ', …' : ''})`,
          });
        }
      });
    });
  });
export type SheetMapping = z.output<typeof sheetMappingSchema>;
export type ColumnMapping = SheetMapping['columns'][number];

/** A mapping read from JSON (a file or the UI), or a refusal naming what is wrong with it. */
export function parseMapping(value: unknown): SheetMapping {
  const parsed = sheetMappingSchema.safeParse(value);
  if (!parsed.success) throw refuseSheet('mapping', `the mapping is not valid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
