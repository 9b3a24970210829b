import {
  PASSPORT_STATUSES,
  PIPELINE_STAGES,
  RISKS,
  type PassportStatus,
  type Risk,
  type Stage,
} from '../../../../shared/model/case';

/** What the new-case form holds while it is typed: also the body of its sealed draft. */
export type Intake = {
  alias: string;
  stage: Stage;
  risk: Risk;
  passport: PassportStatus;
  internalPassport: PassportStatus;
  refugeCountry: string | null;
  location: string;
  taskText: string;
  taskDue: string | null;
  /** A due date typed but not readable, kept as typed so a restored draft shows it (and refuses it) again. */
  dueTyped: string | null;
  note: string;
  assignToMe: boolean;
};

export const EMPTY_INTAKE: Intake = {
  alias: '',
  stage: 'intake',
  risk: 'medium',
  passport: 'unknown',
  internalPassport: 'unknown',
  refugeCountry: null,
  location: '',
  taskText: '',
  taskDue: null,
  dueTyped: null,
  note: '',
  assignToMe: true,
};

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** An intake read back from its sealed draft, or null when the body is not one this form wrote. */
export function parseIntake(body: string): Intake | null {
  try {
    const v = JSON.parse(body) as Record<keyof Intake, unknown>;
    const ok =
      [v.alias, v.location, v.taskText, v.note].every(isText) &&
      [v.refugeCountry, v.taskDue, v.dueTyped].every(isTextOrNull) &&
      isOneOf(PIPELINE_STAGES, v.stage) &&
      isOneOf(RISKS, v.risk) &&
      isOneOf(PASSPORT_STATUSES, v.passport) &&
      isOneOf(PASSPORT_STATUSES, v.internalPassport) &&
      typeof v.assignToMe === 'boolean';
    return ok ? (v as Intake) : null;
  } catch {
    return null;
  }
}
