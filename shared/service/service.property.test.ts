import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, ipcErrorSchema, type Channel } from '../ipc/contract.js';
import { makeTestService } from './testing.js';

/**
 * Whatever a compromised or buggy renderer sends, the service answers with a valid result or a
 * typed error: it never throws, never hangs, never lets a stack cross.
 */
const t = makeTestService();
let caseId = '';
beforeAll(async () => {
  await t.createVault();
  caseId = (await t.call('createCase', { input: { alias: 'Property' } })).id;
});
afterAll(() => t.cleanup());

/** Arguments close enough to valid that handlers run, not just the argument check. */
const nearlyValid = () =>
  fc.oneof(
    fc.anything(),
    fc.dictionary(
      fc.constantFrom('id', 'filter', 'input', 'patch', 'text', 'key', 'opId', 'token', 'today', 'format', 'reason'),
      fc.oneof(fc.constant(caseId), fc.string(), fc.constant({}), fc.anything()),
    ),
    fc.record({ id: fc.oneof(fc.constant(caseId), fc.string()), text: fc.string() }),
    fc.record({ filter: fc.constant({}), sort: fc.record({ key: fc.string(), direction: fc.string() }) }),
  );

async function expectWellFormed(channel: string, args: unknown) {
  const response = await t.service.handle(channel, args);
  if (response.ok) {
    const row = contract[channel as Channel];
    expect(row.result.safeParse(response.value).success).toBe(true);
  } else {
    expect(ipcErrorSchema.safeParse(response.error).success).toBe(true);
    // Nothing crosses but the code, the message and, for refusals a person meets, the reason to translate.
    expect(['code', 'message', 'params', 'reason']).toEqual(expect.arrayContaining(Object.keys(response.error)));
    expect(response.error.message).not.toMatch(/\n\s+at /);
  }
}

// Channels that would lock or replace the vault under test, or wait on a KDF for each run, are fed
// values only while it is locked (last test).
const DISRUPTIVE = new Set<Channel>([
  'lockVault',
  'unlockVault',
  'createVault',
  'changePassphrase',
  'chooseOtherVault',
  'eraseVault',
  'setDuressPassphrase',
  'clearDuressPassphrase',
]);

describe('vault service: any input', () => {
  it('answers every channel of an unlocked vault with a result or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS.filter((c) => !DISRUPTIVE.has(c))),
        nearlyValid(),
        async (channel, args) => {
          await expectWellFormed(channel, args);
          expect((await t.call('getAppState', {})).unlocked).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers unknown channels and any channel name with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString')),
        fc.anything(),
        async (channel, args) => {
          await expectWellFormed(channel, args);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers every channel of a locked vault with a result or a typed error', async () => {
    t.service.lock('user');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (channel, args) => {
        await expectWellFormed(channel, args);
      }),
      { numRuns: 300 },
    );
  });
});
