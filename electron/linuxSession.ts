/** The desktop session Crossing runs in, as its environment tells (Linux and other freedesktop systems). */

export const LOGIN1_SESSIONS = '/org/freedesktop/login1/session';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * logind's object path for a session id, escaped as systemd does: every byte but a-z, A-Z and 0-9
 * (and a digit in first place) becomes `_` and two hex digits, so session "2" is `…/session/_32`.
 */
export function sessionObjectPath(sessionId: string): string {
  const label = [...Buffer.from(sessionId, 'utf8')]
    .map((byte, index) => {
      const letter = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
      const digit = byte >= 0x30 && byte <= 0x39;
      return letter || (digit && index > 0) ? String.fromCharCode(byte) : `_${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
  return `${LOGIN1_SESSIONS}/${label || '_'}`;
}

export interface LinuxSession {
  /** logind's path for this session, or null when the environment does not say (then any session's lock counts). */
  objectPath: string | null;
  /** Wayland sessions cannot be asked for global shortcuts or, on some, the system idle time. */
  display: 'wayland' | 'x11' | 'unknown';
}

export function linuxSession(env: Env): LinuxSession {
  const id = env.XDG_SESSION_ID?.trim();
  const type = env.XDG_SESSION_TYPE?.trim().toLowerCase();
  const display =
    type === 'wayland' || (!type && env.WAYLAND_DISPLAY)
      ? 'wayland'
      : type === 'x11' || (!type && env.DISPLAY)
        ? 'x11'
        : 'unknown';
  return { objectPath: id ? sessionObjectPath(id) : null, display };
}
