import { describe, expect, it, vi } from 'vitest';
import { relayHandler } from './ipcRelay.js';
import { answeredInMain } from './mainAnswers.js';
import { platformProtections } from './platformProtections.js';

const appFrame = { senderFrame: { url: 'crossing://app/index.html', parent: null } } as never;
const seen = { monitorTool: null, monitorsListening: false, systemIdleStuck: false, panicShortcutRegistered: true };

describe('rows main answers itself', () => {
  it('answers its own rows without the vault process, and forwards every other row', async () => {
    const vault = vi.fn(async () => ({ ok: true, value: { language: 'en' } }));
    const answer = platformProtections('linux', {}, seen);
    const forward = answeredInMain({ platformProtections: () => answer }, vault);
    expect(await relayHandler('platformProtections', forward)(appFrame, {})).toEqual({ ok: true, value: answer });
    expect(vault).not.toHaveBeenCalled();
    await relayHandler('getSettings', forward)(appFrame, {});
    expect(vault).toHaveBeenCalledExactlyOnceWith('getSettings', {});
  });

  it('refuses to answer outside the contract', async () => {
    const forward = answeredInMain({ platformProtections: () => ({ platform: 'plan9' }) }, vi.fn());
    const response = await relayHandler('platformProtections', forward)(appFrame, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'failure' } });
  });

  it('still refuses an untrusted sender before answering', async () => {
    const answer = vi.fn(() => platformProtections('linux', {}, seen));
    const forward = answeredInMain({ platformProtections: answer }, vi.fn());
    const frame = { senderFrame: { url: 'https://example.org/', parent: null } } as never;
    expect(await relayHandler('platformProtections', forward)(frame, {})).toMatchObject({ ok: false });
    expect(answer).not.toHaveBeenCalled();
  });
});
