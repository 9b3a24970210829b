import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../shared/model/case';
import {
  draftOf,
  markUnreadable,
  parseBirthYear,
  patchOf,
  unreadableAfterRemove,
  validate,
  type CaseState,
} from './caseForm';

const base: CaseState = {
  id: 'c1',
  fields: { ...DEFAULT_FIELDS, alias: 'Luiza' },
  contacts: [],
  documents: [],
  tasks: [{ id: 't1', text: 'Call lawyer', due: '2025-01-10', done: false }],
  notes: [],
  conflicts: [],
  createdAt: '2025-01-01T00:00:00Z',
  createdBy: 'a'.repeat(40),
  updatedAt: '2025-01-01T00:00:00Z',
  opCount: 1,
};

describe('case form', () => {
  it('an untouched draft is no change and has no errors', () => {
    const draft = draftOf(base);
    expect(patchOf(base, draft)).toEqual({});
    expect(validate(draft)).toEqual({});
  });

  it('sends only the fields that changed, with typed text parsed', () => {
    const draft = draftOf(base);
    draft.fields.risk = 'critical';
    draft.birthYearText = '1996';
    draft.otherNamesText = 'Луиза\nLuisa; Louiza';
    expect(patchOf(base, draft)).toEqual({
      risk: 'critical',
      birthYear: 1996,
      otherNames: ['Луиза', 'Luisa', 'Louiza'],
    });
  });

  it('names each bad field, including items of lists', () => {
    const draft = draftOf(base);
    draft.fields.alias = '   ';
    draft.birthYearText = '19x5';
    draft.fields.refugeCountry = 'XX';
    draft.tasks[0]!.text = '';
    draft.documents.push({ kind: 'visa', status: 'needed', issuedOn: '2025-02-30', expiresOn: null, note: null });
    expect(validate(draft)).toMatchObject({
      alias: 'alias',
      birthYear: 'birthYear',
      refugeCountry: 'refugeCountry',
      'tasks.0.text': 'tasks.text',
      'documents.0.issuedOn': 'documents.issuedOn',
    });
  });

  it('closing needs a reason, and reopening clears it', () => {
    const draft = draftOf(base);
    draft.fields.stage = 'closed';
    expect(validate(draft).closedReason).toBe('closedReason');
    draft.fields.closedReason = 'duplicate';
    expect(patchOf(base, draft)).toEqual({ stage: 'closed', closedReason: 'duplicate' });

    const closed: CaseState = { ...base, fields: { ...base.fields, stage: 'closed', closedReason: 'duplicate' } };
    const reopened = draftOf(closed);
    reopened.fields.stage = 'shelter';
    expect(patchOf(closed, reopened)).toEqual({ stage: 'shelter', closedReason: null });
  });

  it('a changed list item is sent as the whole list, keeping item ids', () => {
    const draft = draftOf(base);
    draft.tasks[0]!.done = true;
    expect(patchOf(base, draft)).toEqual({ tasks: [{ id: 't1', text: 'Call lawyer', due: '2025-01-10', done: true }] });
  });

  it('a half-typed date is an error at its field, not a cleared date', () => {
    const draft = markUnreadable(draftOf(base), 'tasks.0.due', '02.12');
    expect(validate(draft)).toEqual({ 'tasks.0.due': 'unreadableDate' });
    expect(patchOf(base, draft)).toEqual({});
    expect(validate(markUnreadable(draft, 'tasks.0.due', null))).toEqual({});
  });

  it('moves unreadable marks with the items when one is removed', () => {
    const marks = { 'tasks.0.due': 'a', 'tasks.2.due': 'b', 'documents.2.issuedOn': 'c' };
    expect(unreadableAfterRemove(marks, 'tasks', 1)).toEqual({
      'tasks.0.due': 'a',
      'tasks.1.due': 'b',
      'documents.2.issuedOn': 'c',
    });
    expect(unreadableAfterRemove(marks, 'tasks', 0)).toEqual({ 'tasks.1.due': 'b', 'documents.2.issuedOn': 'c' });
  });

  it('refuses a year of birth in the future', () => {
    expect(parseBirthYear('2026', 2026)).toBe(2026);
    expect(parseBirthYear('2027', 2026)).toBeNaN();
    const draft = draftOf(base);
    draft.birthYearText = String(new Date().getFullYear() + 1);
    expect(validate(draft)).toEqual({ birthYear: 'birthYear' });
  });
});
