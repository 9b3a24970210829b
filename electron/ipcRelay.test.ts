import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, ipcChannel, type Channel } from '../shared/ipc/contract.js';
import { registerIpcRelay, relayHandler, type Forward } from './ipcRelay.js';

const appFrame = { senderFrame: { url: 'crossing://app/index.html', parent: null } } as never;

const NOT_OBJECTS = [42, 'text', null, true, [1, 2], 1n];

/** Inputs each channel must refuse: anything that is not an object, and `{}` where fields are required. */
const malformedFor = (channel: Channel): unknown[] =>
  contract[channel].args.safeParse({}).success ? NOT_OBJECTS : [...NOT_OBJECTS, {}, undefined];

const HAND_PICKED: [Channel, unknown][] = [
  ['unlockVault', { method: 'fingerprint', passphrase: 'x' }],
  ['unlockVault', { method: 'passphrase', passphrase: '' }],
  ['createVault', { passphrase: 'p', kdf: 'none', displayName: 'Ann' }],
  ['createVault', { passphrase: 'p', kdf: 'moderate', displayName: '   ' }],
  ['getCase', { id: 'x'.repeat(65) }],
  ['queryCases', { filter: {}, limit: 1_000_000 }],
  ['getStats', { today: '25.11.2026' }],
  ['updateSettings', { autoLockMinutes: 0 }],
  ['exportCases', { caseIds: [], to: [] }],
  ['previewImport', { token: '' }],
];

describe('IPC relay: main validates every call against the contract', () => {
  it.each(CHANNELS)('%s refuses malformed input with a typed usage error and forwards nothing', async (channel) => {
    const forward = vi.fn<Forward>();
    const handle = relayHandler(channel, forward);
    for (const input of malformedFor(channel)) {
      const response = await handle(appFrame, input);
      expect(response.ok).toBe(false);
      if (response.ok) continue;
      expect(Object.keys(response.error).sort()).toEqual(['code', 'message', 'reason']);
      expect(response.error).toMatchObject({ code: 'usage', reason: 'badRequest' });
      expect(response.error.message).not.toMatch(/\n\s+at /);
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it.each(HAND_PICKED)('%s refuses %j', async (channel, input) => {
    const forward = vi.fn<Forward>();
    const response = await relayHandler(channel, forward)(appFrame, input);
    expect(response).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('forwards valid arguments with defaults filled in and unknown keys stripped', async () => {
    const forward = vi.fn<Forward>(async () => ({ ok: true, value: { ok: true } }));
    const response = await relayHandler('addContact', forward)(appFrame, { card: 'CARD', extra: 'dropped' });
    expect(forward).toHaveBeenCalledWith('addContact', { card: 'CARD', verified: false });
    expect(response).toEqual({ ok: true, value: { ok: true } });
  });

  it('lets argument-less channels be called with nothing', async () => {
    const forward = vi.fn<Forward>(async () => ({ ok: true, value: {} }));
    await relayHandler('getSettings', forward)(appFrame, undefined);
    expect(forward).toHaveBeenCalledWith('getSettings', {});
  });

  it('refuses calls from any page that is not the app, and from sub-frames', async () => {
    const forward = vi.fn<Forward>();
    const handle = relayHandler('getAppState', forward);
    for (const event of [
      { senderFrame: { url: 'https://example.org/', parent: null } },
      { senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { senderFrame: { url: 'crossing://app/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await handle(event as never, {})).toMatchObject({ ok: false, error: { code: 'rejected' } });
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it('sends an error as {code, message, reason, params} only: no stack, no extra fields', async () => {
    const leaky = {
      ok: false,
      error: {
        code: 'rejected',
        message: 'Bela is not verified',
        reason: 'contactNotVerified',
        params: { name: 'Bela' },
        stack: 'Error\n    at x.js:1',
        path: '/x',
      },
    };
    const response = await relayHandler('lockVault', async () => leaky)(appFrame, {});
    // The reason and its parameters reach the page: the UI says the refusal in its own language.
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'rejected',
        message: 'Bela is not verified',
        reason: 'contactNotVerified',
        params: { name: 'Bela' },
      },
    });
  });

  it('turns a thrown error or a malformed answer into a failure without a stack', async () => {
    const thrown = await relayHandler('lockVault', async () => {
      throw new Error('the vault process stopped\n    at Object.<anonymous> (/home/a/main.js:1:1)');
    })(appFrame, {});
    expect(thrown).toEqual({
      ok: false,
      error: { code: 'failure', message: 'the vault process stopped', reason: 'unexpected' },
    });
    const odd = await relayHandler('lockVault', async () => ({ ok: false, error: { code: 'EPERM' } }))(appFrame, {});
    expect(odd).toMatchObject({ ok: false, error: { code: 'failure' } });
  });

  it('registers exactly one handler per contract row', () => {
    const handle = vi.fn();
    registerIpcRelay({ handle }, vi.fn());
    expect(handle.mock.calls.map(([name]) => name).sort()).toEqual(CHANNELS.map(ipcChannel).sort());
  });
});
