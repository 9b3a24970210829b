import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { watchDesktopSession } from './sessionWatch.js';

function fakeSpawn() {
  const spawned: { file: string; args: string[]; kill: ReturnType<typeof vi.fn> }[] = [];
  const spawn = vi.fn((file: string, args: string[]) => {
    const child = Object.assign(new EventEmitter(), { stdout: new PassThrough(), kill: vi.fn(() => true) });
    spawned.push({ file, args, kill: child.kill });
    return child;
  });
  return { spawn, spawned };
}

describe('desktop session watch', () => {
  it('runs no monitor on macOS and Windows, where powerMonitor hears the screen lock', () => {
    for (const platform of ['darwin', 'win32']) {
      const { spawn } = fakeSpawn();
      const findTool = vi.fn(() => ({ name: 'dbus-monitor' as const, file: '/usr/bin/dbus-monitor' }));
      const watch = watchDesktopSession({ platform, env: {}, onLock: vi.fn(), spawn, findTool });
      expect(watch.tool).toBeNull();
      expect(findTool).not.toHaveBeenCalled();
      expect(spawn).not.toHaveBeenCalled();
    }
  });

  it('says so when Linux has neither tool', () => {
    const { spawn } = fakeSpawn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const watch = watchDesktopSession({ platform: 'linux', env: {}, onLock: vi.fn(), spawn, findTool: () => null });
    expect(watch.tool).toBeNull();
    expect(watch.listening()).toBe(false);
    expect(spawn).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/neither dbus-monitor nor gdbus/));
    warn.mockRestore();
  });

  it("watches this session's lock on the system bus and the screensavers on the session bus, and stops them", () => {
    const { spawn, spawned } = fakeSpawn();
    const findTool = vi.fn(() => ({ name: 'gdbus' as const, file: '/usr/bin/gdbus' }));
    const env = { PATH: '/usr/bin', XDG_SESSION_ID: '2' };
    const watch = watchDesktopSession({ platform: 'linux', env, onLock: vi.fn(), spawn, findTool });
    expect(findTool).toHaveBeenCalledWith('/usr/bin');
    expect(watch.tool).toBe('gdbus');
    expect(spawned.map(({ args }) => args.slice(1).join(' '))).toEqual([
      '--system --dest org.freedesktop.login1',
      '--session --dest org.freedesktop.ScreenSaver',
      '--session --dest org.gnome.ScreenSaver',
    ]);
    watch.stop();
    expect(spawned.every(({ kill }) => kill.mock.calls.length === 1)).toBe(true);
  });
});
