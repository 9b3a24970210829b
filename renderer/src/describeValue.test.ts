import type { TFunction } from 'i18next';
import { expect, it } from 'vitest';
import { describeValue } from './describeValue';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

it('names an evidence file in the history by its kind, name and caption', () => {
  const file = { name: 'arm.jpg', kind: 'medical', caption: 'after detention', sha256: 'a'.repeat(64), size: 10 };
  expect(describeValue(t, 'files', file, (f) => f)).toBe('«evidenceKind.medical»: arm.jpg (after detention)');
});
