import { describe, expect, it } from 'vitest';
import { EMPTY_INTAKE, parseIntake, type Intake } from './intake';

describe('a new-case intake kept as a draft', () => {
  it('reads back as it was written, a half-typed date included', () => {
    const typed: Intake = { ...EMPTY_INTAKE, alias: 'Хеда', stage: 'verification', taskDue: null, dueTyped: '14.12' };
    expect(parseIntake(JSON.stringify(typed))).toEqual(typed);
  });

  it('is refused when the body is not one the form wrote', () => {
    expect(parseIntake('not json')).toBeNull();
    expect(parseIntake(JSON.stringify({ ...EMPTY_INTAKE, stage: 'nowhere' }))).toBeNull();
    expect(parseIntake(JSON.stringify({ fields: {}, contacts: [] }))).toBeNull();
  });
});
