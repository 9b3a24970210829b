import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/ipc/contract.js';
import { settingsTap } from './settingsTap.js';

const changed = { ...DEFAULT_SETTINGS, autoLockMinutes: 2, panicShortcut: 'Alt+F12' };

describe('settings tap', () => {
  it.each([
    ['getSettings', changed],
    ['updateSettings', changed],
    ['getAppState', { version: '1', settings: changed }],
  ] as const)('learns the settings from %s and passes the answer on untouched', async (channel, value) => {
    const onSettings = vi.fn();
    const response = { ok: true, value };
    const forward = settingsTap(async () => response, onSettings);
    expect(await forward(channel, {})).toBe(response);
    expect(onSettings).toHaveBeenCalledWith(changed);
  });

  it('ignores failures, other channels and malformed settings', async () => {
    const onSettings = vi.fn();
    await settingsTap(async () => ({ ok: false, error: { code: 'auth', message: 'x' } }), onSettings)(
      'getSettings',
      {},
    );
    await settingsTap(async () => ({ ok: true, value: changed }), onSettings)('getCase', {});
    await settingsTap(async () => ({ ok: true, value: { autoLockMinutes: -1 } }), onSettings)('updateSettings', {});
    expect(onSettings).not.toHaveBeenCalled();
  });
});
