import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { asVaultChild } from './vaultChild.js';

/** A utilityProcess as Electron's is built: an EventEmitter, so an unheard 'error' throws in main. */
class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  postMessage = vi.fn();
  kill = vi.fn(() => true);
}

describe('the vault process as main sees it', () => {
  it("survives the process's fatal error, and reports the exit that follows it", () => {
    const process = new FakeUtilityProcess();
    const exited = vi.fn();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    asVaultChild(process as never).onExit(exited);
    expect(() => process.emit('error', 'FatalError', 'v8::Isolate', '{}')).not.toThrow();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('FatalError'));
    process.emit('exit', 134);
    expect(exited).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it('kills with SIGKILL at once, so a busy process cannot keep the keys a moment longer', () => {
    const process = new FakeUtilityProcess();
    const signal = vi.fn();
    asVaultChild(process as never, signal).kill();
    expect(signal).toHaveBeenCalledWith(4242, 'SIGKILL');
    expect(process.kill).not.toHaveBeenCalled();
  });

  it('falls back to Electron kill() when there is no pid, or it is already gone', () => {
    const unstarted = Object.assign(new FakeUtilityProcess(), { pid: undefined });
    asVaultChild(unstarted as never, vi.fn()).kill();
    expect(unstarted.kill).toHaveBeenCalledOnce();
    const gone = new FakeUtilityProcess();
    const esrch = vi.fn(() => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    });
    asVaultChild(gone as never, esrch).kill();
    expect(gone.kill).toHaveBeenCalledOnce();
  });
});
