import { describe, expect, it, vi } from 'vitest';
import { vaultInbox } from './vaultInbox.js';

const dialogs = {
  openVault: vi.fn(async () => '/home/a/v.crossing-vault'),
  saveFile: vi.fn(async () => {
    throw new Error('no display');
  }),
  openImportFile: vi.fn(async () => null),
  openSpreadsheet: vi.fn(async () => null),
  openInstaller: vi.fn(async () => null),
  openKeyCard: vi.fn(async () => null),
  openEvidenceFiles: vi.fn(async () => ['/home/a/scan.jpg', '/home/a/letter.pdf']),
};
const later = () => new Promise((resolve) => setImmediate(resolve));

describe('messages from the vault process', () => {
  it('answers a dialog request with the chosen path', async () => {
    const reply = vi.fn();
    vaultInbox({ dialogs, emit: vi.fn(), settle: vi.fn() })(reply, {
      type: 'dialog',
      id: 7,
      method: 'openVault',
      args: [],
    });
    await later();
    expect(reply).toHaveBeenCalledWith({ type: 'dialogAnswer', id: 7, path: '/home/a/v.crossing-vault' });
  });

  it('answers the evidence picker with every path chosen', async () => {
    const reply = vi.fn();
    vaultInbox({ dialogs, emit: vi.fn(), settle: vi.fn() })(reply, {
      type: 'dialog',
      id: 10,
      method: 'openEvidenceFiles',
      args: [],
    });
    await later();
    expect(reply).toHaveBeenCalledWith({
      type: 'dialogAnswer',
      id: 10,
      paths: ['/home/a/scan.jpg', '/home/a/letter.pdf'],
    });
  });

  it('answers null when the dialog fails, so the vault is never left waiting', async () => {
    const reply = vi.fn();
    const receive = vaultInbox({ dialogs, emit: vi.fn(), settle: vi.fn() });
    receive(reply, { type: 'dialog', id: 8, method: 'saveFile', args: ['x.crossing', 'crossing'] });
    await later();
    expect(dialogs.saveFile).toHaveBeenCalledWith('x.crossing', 'crossing');
    expect(reply).toHaveBeenCalledWith({ type: 'dialogAnswer', id: 8, path: null });
  });

  it('shows no dialog the port does not define', async () => {
    const reply = vi.fn();
    vaultInbox({ dialogs, emit: vi.fn(), settle: vi.fn() })(reply, {
      type: 'dialog',
      id: 9,
      method: 'toString' as never,
      args: [],
    });
    await later();
    expect(reply).not.toHaveBeenCalled();
  });

  it('settles replies by id', () => {
    const settle = vi.fn();
    vaultInbox({ dialogs, emit: vi.fn(), settle })(vi.fn(), { type: 'reply', id: 3, value: { ok: true } });
    expect(settle).toHaveBeenCalledWith(3, { ok: true });
  });
});
