import { describe, expect, it } from 'vitest';
import { contract } from '../shared/ipc/contract.js';
import { platformProtections, type ObservedProtections } from './platformProtections.js';

const allSeen: ObservedProtections = {
  monitorTool: 'dbus-monitor',
  monitorsListening: true,
  systemIdleStuck: false,
  panicShortcutRegistered: true,
};

const statusOf = (answer: ReturnType<typeof platformProtections>) =>
  Object.fromEntries(
    answer.protections.map(({ id, status, reason }) => [id, reason ? `${status}: ${reason}` : status]),
  );

describe('platform protections', () => {
  it('are all there on macOS and Windows', () => {
    for (const platform of ['darwin', 'win32']) {
      const answer = platformProtections(platform, {}, { ...allSeen, monitorTool: null, monitorsListening: false });
      expect(answer.platform).toBe(platform);
      expect(answer.protections.every(({ status }) => status === 'works')).toBe(true);
    }
  });

  it('leave screen capture and asar integrity unprotected on Linux, and lock detection to D-Bus', () => {
    expect(statusOf(platformProtections('linux', { XDG_SESSION_TYPE: 'x11' }, allSeen))).toEqual({
      contentProtection: 'missing: captureNotBlockable',
      asarIntegrity: 'missing: integrityMacWindowsOnly',
      screenLock: 'works',
      idle: 'works',
      panicShortcut: 'works',
    });
  });

  it('say what a Wayland session with a blind idle time, a refused shortcut or no monitor takes away', () => {
    const wayland = { XDG_SESSION_TYPE: 'wayland' };
    expect(statusOf(platformProtections('linux', wayland, { ...allSeen, systemIdleStuck: true }))).toMatchObject({
      idle: 'partly: ownWindowOnly',
      panicShortcut: 'partly: waylandPortal',
    });
    const refused = platformProtections('linux', wayland, { ...allSeen, panicShortcutRegistered: false });
    expect(statusOf(refused).panicShortcut).toBe('partly: shortcutRefused');
    const noTool = platformProtections('linux', {}, { ...allSeen, monitorTool: null, monitorsListening: false });
    expect(statusOf(noTool).screenLock).toBe('missing: noDbusMonitor');
    const noBus = platformProtections('linux', {}, { ...allSeen, monitorsListening: false });
    expect(statusOf(noBus).screenLock).toBe('missing: dbusUnreachable');
  });

  it('treat another freedesktop system as Linux, and answer within the contract', () => {
    const answer = platformProtections('freebsd', {}, allSeen);
    expect(answer.platform).toBe('other');
    expect(statusOf(answer).contentProtection).toBe('missing: captureNotBlockable');
    expect(contract.platformProtections.result.parse(answer)).toEqual(answer);
  });
});
