import type { CaseDocument, ParsedCasePatch, Task } from '../model/case.js';
import { newCaseOps, noteOp, patchCaseOps, type OpContext } from '../oplog/caseOps.js';
import { foldCaseOps, type CaseState, type WithId } from '../oplog/fold.js';
import { formatHlc } from '../oplog/hlc.js';
import type { Op } from '../oplog/ops.js';
import { assignOutcomes } from './outcomes.js';
import { Prng } from './prng.js';
import { planCase, type Step } from './story.js';

/** The network's size in the seed articles: about 150 people evacuated, about 130 of them abroad. */
export const DEMO_COUNT_DEFAULT = 150;

export interface DemoOptions {
  count: number;
  seed: number;
  /** Fingerprint written as the author of every op. */
  author: string;
  /** 16 hex digits: the device part of every clock value. */
  device: string;
  /** Every op is dated strictly before this (ms since the epoch). */
  now: number;
}

/** What the generator remembers of a case between its steps: its ops and its items' ids. */
interface Running {
  caseId: string;
  ops: Op[];
  tasks: WithId<Task>[];
  documents: WithId<CaseDocument>[];
}

/**
 * Invented case histories as ops, built with the same constructors the app uses, so the demo is
 * exactly what a caseworker's own edits would produce. Pure and deterministic: one seed, one log.
 * Ops come out in clock order across all cases (a case's later steps interleave with other cases).
 */
export function generateDemoOps(options: DemoOptions): Op[] {
  const rng = new Prng(options.seed);
  const newId = idGenerator(new Prng(options.seed ^ 0x2545f491));
  const grid = gridFor(options.count);
  // Room before `now` for a few bumps by one grid cell (see placeOnGrid).
  const limit = options.now - Math.max(3_600_000, 8 * grid);
  const out: Op[] = [];
  // Sort key of each op: its step's date, then its place within the step (at most 63 ops a step).
  const keys: number[] = [];
  // Case by case, so that each case's working data dies young; the global order comes after.
  assignOutcomes(options.count, rng).forEach((outcome, caseIndex) => {
    const steps = planCase(outcome, rng, limit);
    placeOnGrid(steps, grid, caseIndex);
    let stepMs = 0;
    let counter = 0;
    const ctx: OpContext = {
      author: options.author,
      newId,
      clock: () => formatHlc({ ms: stepMs, counter: counter++, device: options.device }),
    };
    let state: Running | undefined;
    for (const step of steps) {
      stepMs = step.ms;
      counter = 0;
      const ops = step.create ? newCaseOps(step.create, ctx) : applyStep(state!, step, ctx);
      if (state) remember(state, ops);
      else state = started(ops);
      ops.forEach((op, i) => {
        out.push(op);
        keys.push(step.ms * 64 + i);
      });
    }
  });
  const order = new Uint32Array(out.length).map((_, i) => i);
  order.sort((a, b) => keys[a]! - keys[b]!);
  return Array.from(order, (i) => out[i]!);
}

/** A power of two at least the number of cases: the width of one cell of the time grid. */
function gridFor(count: number): number {
  let grid = 1;
  while (grid < count) grid *= 2;
  return grid;
}

/**
 * Gives every op of the whole log its own millisecond without a lookup table: a step's date is
 * rounded down to a grid cell, and the case's number is its offset inside the cell. Two cases
 * never share an offset; one case's steps take distinct cells (bumped by one when they collide).
 */
function placeOnGrid(steps: Step[], grid: number, caseIndex: number): void {
  let prevCell = -1;
  for (const step of steps) {
    const cell = Math.max(Math.floor(step.ms / grid), prevCell + 1);
    step.ms = cell * grid + caseIndex;
    prevCell = cell;
  }
}

function applyStep(state: Running, step: Step, ctx: OpContext): Op[] {
  const patch: ParsedCasePatch = { ...step.fields };
  if (step.completeTask || step.addTasks) {
    const open = step.completeTask ? state.tasks.findIndex((t) => !t.done) : -1;
    patch.tasks = [...state.tasks.map((t, i) => (i === open ? { ...t, done: true } : t)), ...(step.addTasks ?? [])];
  }
  if (step.addDocuments) patch.documents = [...state.documents, ...step.addDocuments];
  const ops = patchCaseOps(state.caseId, state.ops, patch, ctx);
  if (step.note) ops.push(noteOp(state.caseId, step.note, ctx));
  return ops;
}

function started(ops: Op[]): Running {
  const create = ops[0]!;
  const state: Running = { caseId: create.caseId, ops: [], tasks: [], documents: [] };
  remember(state, ops);
  return state;
}

/** Keeps the case's ops, and its task and document lists with ids, current after new ops. */
function remember(state: Running, ops: readonly Op[]): void {
  for (const op of ops) {
    state.ops.push(op);
    if (op.type === 'create') {
      for (const [id, t] of Object.entries(op.items.tasks ?? {})) state.tasks.push({ ...(t as Task), id });
      for (const [id, d] of Object.entries(op.items.documents ?? {}))
        state.documents.push({ ...(d as CaseDocument), id });
    } else if (op.type === 'item' && (op.list === 'tasks' || op.list === 'documents')) {
      const list = (op.list === 'tasks' ? state.tasks : state.documents) as WithId<Task | CaseDocument>[];
      const at = list.findIndex((item) => item.id === op.itemId);
      if (op.value === null) {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) list[at] = { ...(op.value as Task), id: op.itemId };
      else list.push({ ...(op.value as Task), id: op.itemId });
    }
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 16 seeded bytes as 22 base64url characters: the same shape as the app's random ids. */
function idGenerator(rng: Prng): () => string {
  const bytes = new Uint8Array(18);
  const next = (): string => {
    for (let i = 0; i < 16; i += 4) {
      const v = rng.uint32();
      bytes[i] = v & 255;
      bytes[i + 1] = (v >>> 8) & 255;
      bytes[i + 2] = (v >>> 16) & 255;
      bytes[i + 3] = v >>> 24;
    }
    let id = '';
    for (let i = 0; i < 18; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      id += BASE64URL[n >>> 18]! + BASE64URL[(n >>> 12) & 63]! + BASE64URL[(n >>> 6) & 63]! + BASE64URL[n & 63]!;
    }
    // Like the app's ids, never one a command line would take for an option.
    return /^[A-Za-z0-9]/.test(id) ? id.slice(0, 22) : next();
  };
  return next;
}

/** The demo's cases folded, in the order they were created: for tests and benches that need cases, not a vault. */
export function foldDemoCases(options: DemoOptions): CaseState[] {
  const byCase = new Map<string, Op[]>();
  for (const op of generateDemoOps(options)) {
    let list = byCase.get(op.caseId);
    if (!list) byCase.set(op.caseId, (list = []));
    list.push(op);
  }
  return [...byCase.values()].map((list) => foldCaseOps(list)!);
}
