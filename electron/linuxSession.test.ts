import { describe, expect, it } from 'vitest';
import { linuxSession, sessionObjectPath } from './linuxSession.js';

describe('logind session path', () => {
  it('escapes the session id as systemd does', () => {
    expect(sessionObjectPath('2')).toBe('/org/freedesktop/login1/session/_32');
    expect(sessionObjectPath('12')).toBe('/org/freedesktop/login1/session/_312');
    expect(sessionObjectPath('c5')).toBe('/org/freedesktop/login1/session/c5');
    expect(sessionObjectPath('a-b')).toBe('/org/freedesktop/login1/session/a_2db');
    expect(sessionObjectPath('')).toBe('/org/freedesktop/login1/session/_');
  });
});

describe('desktop session from the environment', () => {
  it('knows its logind session and display server', () => {
    expect(linuxSession({ XDG_SESSION_ID: '2', XDG_SESSION_TYPE: 'wayland' })).toEqual({
      objectPath: '/org/freedesktop/login1/session/_32',
      display: 'wayland',
    });
    expect(linuxSession({ XDG_SESSION_ID: 'c1', XDG_SESSION_TYPE: 'x11' }).display).toBe('x11');
  });

  it('guesses the display server from the display variables when the session type is not set', () => {
    expect(linuxSession({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }).display).toBe('wayland');
    expect(linuxSession({ DISPLAY: ':0' }).display).toBe('x11');
    expect(linuxSession({})).toEqual({ objectPath: null, display: 'unknown' });
  });
});
