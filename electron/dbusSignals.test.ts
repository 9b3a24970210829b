import { describe, expect, it } from 'vitest';
import { dbusMonitorReader, gdbusMonitorLine } from './dbusSignals.js';

// Captured from dbus-monitor 1.14 and gdbus 2.74 (Debian 12) on a private dbus-daemon, the signals sent
// with `gdbus emit` and, where the sender must own the bus name, by a client owning org.freedesktop.login1.
const OUR_SESSION = '/org/freedesktop/login1/session/_32'; // XDG_SESSION_ID=2

const DBUS_MONITOR = `signal time=1796231250.820219 sender=org.freedesktop.DBus -> destination=:1.7 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired
   string ":1.7"
signal time=1796231250.820260 sender=org.freedesktop.DBus -> destination=:1.7 serial=4 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameLost
   string ":1.7"
signal time=1796231251.325315 sender=:1.8 -> destination=(null destination) serial=2 path=/org/freedesktop/login1/session/_32; interface=org.freedesktop.login1.Session; member=Lock
signal time=1796231251.337302 sender=:1.10 -> destination=(null destination) serial=2 path=/org/freedesktop/login1; interface=org.freedesktop.login1.Manager; member=PrepareForSleep
   boolean true
signal time=1796231251.344144 sender=:1.11 -> destination=(null destination) serial=2 path=/org/freedesktop/login1; interface=org.freedesktop.login1.Manager; member=PrepareForSleep
   boolean false
signal time=1796231251.351933 sender=:1.12 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged
   boolean true
signal time=1796231201.984619 sender=:1.4 -> destination=(null destination) serial=2 path=/org/gnome/ScreenSaver; interface=org.gnome.ScreenSaver; member=ActiveChanged
   boolean false
signal time=1796231251.359947 sender=:1.13 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; interface=org.freedesktop.ScreenSaver; member=ActiveChanged
   string "str with
newline"
signal time=1796231835.921306 sender=:1.2 -> destination=(null destination) serial=3 path=/org/freedesktop/login1/session/_32; interface=org.freedesktop.DBus.Properties; member=PropertiesChanged
   string "org.freedesktop.login1.Session"
   array [
      dict entry(
         string "IdleHint"
         variant             boolean true
      )
      dict entry(
         string "LockedHint"
         variant             boolean false
      )
   ]
   array [
   ]
signal time=1796231836.798127 sender=:1.3 -> destination=(null destination) serial=3 path=/org/freedesktop/login1/session/_32; interface=org.freedesktop.DBus.Properties; member=PropertiesChanged
   string "org.freedesktop.login1.Session"
   array [
      dict entry(
         string "IdleHint"
         variant             boolean false
      )
      dict entry(
         string "LockedHint"
         variant             boolean true
      )
   ]
   array [
   ]
signal time=1796231837.696047 sender=:1.4 -> destination=(null destination) serial=3 path=/org/freedesktop/login1/session/c5; interface=org.freedesktop.login1.Session; member=Lock
signal time=1796231838.592469 sender=:1.5 -> destination=(null destination) serial=3 path=/org/freedesktop/login1/session/_32; interface=org.freedesktop.login1.Session; member=Unlock
signal time=1796231408.668031 sender=:1.19 -> destination=(null destination) serial=3 path=/org/gnome/ScreenSaver; interface=org.gnome.ScreenSaver; member=ActiveChanged
   boolean true`;

const GDBUS_MONITOR = `Monitoring signals from all objects owned by org.freedesktop.login1
The name org.freedesktop.login1 does not have an owner
The name org.freedesktop.login1 is owned by :1.17
/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (true,)
/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (false,)
/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()
/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Unlock ()
/org/freedesktop/login1/session/c5: org.freedesktop.login1.Session.Lock ()
/org/freedesktop/login1/session/_32: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Session', {'IdleHint': <true>, 'LockedHint': <false>}, @as [])
/org/freedesktop/login1/session/_32: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Session', {'IdleHint': <false>, 'LockedHint': <true>}, @as [])
/org/freedesktop/login1/session/_32: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Session', {'LockedHint': <true>}, @as [])
The name org.freedesktop.login1 does not have an owner
Monitoring signals from all objects owned by org.gnome.ScreenSaver
The name org.gnome.ScreenSaver is owned by :1.20
/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (true,)
/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (false,)
/org/freedesktop/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (true,)`;

/** Each line that completes a lock signal, as [line number, lock]. */
function readAll(read: (line: string) => string | null, transcript: string) {
  return transcript
    .split('\n')
    .map((line, index) => [index + 1, read(line)] as const)
    .filter(([, lock]) => lock !== null);
}

describe('dbus-monitor output', () => {
  it('finds our session lock, sleep, the screensavers and LockedHint, and nothing else', () => {
    expect(readAll(dbusMonitorReader(OUR_SESSION), DBUS_MONITOR)).toEqual([
      [5, 'screen'], // Session.Lock on our session
      [7, 'suspend'], // PrepareForSleep(true); (false) on line 9 is the wake-up
      [11, 'screen'], // org.freedesktop.ScreenSaver ActiveChanged(true)
      [40, 'screen'], // LockedHint true (the change with LockedHint false above is ignored)
      [48, 'screen'], // org.gnome.ScreenSaver ActiveChanged(true)
    ]);
  });

  it('counts any session lock when our session is not known', () => {
    const locks = readAll(dbusMonitorReader(null), DBUS_MONITOR).map(([line]) => line);
    expect(locks).toEqual([5, 7, 11, 40, 45, 48]); // 45: the lock of session c5
  });

  it('ignores a string argument that breaks onto a line of its own', () => {
    const read = dbusMonitorReader(OUR_SESSION);
    expect(
      read(
        'signal time=1 sender=:1.9 -> destination=(null destination) serial=2 path=/x; interface=org.freedesktop.ScreenSaver; member=ActiveChanged',
      ),
    ).toBeNull();
    expect(read('   string "boolean true')).toBeNull();
    expect(read('   boolean true"')).toBeNull();
  });

  it('reads LockedHint only in the changes of a logind session', () => {
    const read = dbusMonitorReader(OUR_SESSION);
    const lines = [
      `signal time=1 sender=:1.3 -> destination=(null destination) serial=3 path=${OUR_SESSION}; interface=org.freedesktop.DBus.Properties; member=PropertiesChanged`,
      '   string "org.example.Other"',
      '   array [',
      '      dict entry(',
      '         string "LockedHint"',
      '         variant             boolean true',
      '      )',
      '   ]',
    ];
    expect(lines.map(read).filter(Boolean)).toEqual([]);
  });
});

describe('gdbus monitor output', () => {
  it('finds sleep, our session lock, LockedHint and the screensavers, and nothing else', () => {
    expect(readAll((line) => gdbusMonitorLine(line, OUR_SESSION), GDBUS_MONITOR)).toEqual([
      [4, 'suspend'],
      [6, 'screen'],
      [10, 'screen'],
      [11, 'screen'],
      [15, 'screen'],
      [17, 'screen'],
    ]);
  });

  it('counts any session lock when our session is not known', () => {
    const locks = readAll((line) => gdbusMonitorLine(line, null), GDBUS_MONITOR).map(([line]) => line);
    expect(locks).toEqual([4, 6, 8, 10, 11, 15, 17]);
  });

  it('says nothing about the lines that are not signals', () => {
    expect(gdbusMonitorLine('The name org.freedesktop.login1 is owned by :1.17', null)).toBeNull();
    expect(gdbusMonitorLine('', null)).toBeNull();
    expect(
      gdbusMonitorLine(
        "/org/freedesktop/login1: org.freedesktop.login1.Manager.SessionNew ('3', objectpath '/org/freedesktop/login1/session/_33')",
        null,
      ),
    ).toBeNull();
  });
});
