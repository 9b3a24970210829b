import { describe, expect, it, vi } from 'vitest';
import { type VaultService } from '../shared/service/index.js';
import { vaultEndpoint } from './vaultEndpoint.js';
import { type FromVault } from './vaultMessages.js';

/** A service whose calls finish only when the test says so, with a lock that just records itself. */
function slowService() {
  let finish: () => void = () => {};
  const service = {
    handle: vi.fn(() => new Promise((resolve) => (finish = () => resolve({ ok: true, value: {} })))),
    lock: vi.fn(),
    openFile: vi.fn(),
  };
  return { service, finish: () => finish() };
}

describe('vault process endpoint', () => {
  it('locks again when a call that was in flight during a lock ends (an unlock cannot outlive a panic)', async () => {
    const { service, finish } = slowService();
    const posted: FromVault[] = [];
    const onMessage = vaultEndpoint(
      (m) => posted.push(m),
      () => service as unknown as VaultService,
    );
    await onMessage({
      type: 'init',
      dataDir: '/d',
      appVersion: '1',
      runtime: { electron: '1', chromium: '1', node: '1' },
    });
    const unlocking = onMessage({ type: 'call', id: 1, channel: 'unlockVault', args: {} });
    await onMessage({ type: 'lock', id: 2, reason: 'panic' });
    expect(service.lock).toHaveBeenCalledTimes(1);
    finish();
    await unlocking;
    expect(service.lock.mock.calls).toEqual([['panic'], ['panic']]);
    expect(posted.map((m) => m.type === 'reply' && m.id)).toEqual([2, 1]);
  });

  it('does not lock after calls that saw no lock', async () => {
    const { service, finish } = slowService();
    const onMessage = vaultEndpoint(vi.fn(), () => service as unknown as VaultService);
    await onMessage({
      type: 'init',
      dataDir: '/d',
      appVersion: '1',
      runtime: { electron: '1', chromium: '1', node: '1' },
    });
    const call = onMessage({ type: 'call', id: 1, channel: 'getSettings', args: {} });
    finish();
    await call;
    expect(service.lock).not.toHaveBeenCalled();
  });

  it('answers a call that arrives before init with a failure, not silence', async () => {
    const posted: FromVault[] = [];
    await vaultEndpoint((m) => posted.push(m))({ type: 'call', id: 1, channel: 'getSettings', args: {} });
    expect(posted[0]).toMatchObject({ type: 'reply', id: 1, value: { ok: false, error: { code: 'failure' } } });
  });
});
