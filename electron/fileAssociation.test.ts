import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { crossingFileIn, localPathOf, openFileQueue } from './fileAssociation.js';
import { claimSingleInstance } from './singleInstance.js';

describe('file association', () => {
  const home = '/home/a';

  it('finds the .crossing file among the launch arguments', () => {
    expect(crossingFileIn(['/opt/Crossing/crossing', '/home/a/from-anna.crossing'], home)).toBe(
      '/home/a/from-anna.crossing',
    );
    expect(crossingFileIn(['C:\\Crossing.exe', '--flag', 'D:\\Export.CROSSING'], 'C:\\Users\\a', path.win32)).toBe(
      'D:\\Export.CROSSING',
    );
    expect(crossingFileIn(['electron', '.', '--file=x.crossing'], home)).toBeNull();
    expect(crossingFileIn(['electron', '.'], home)).toBeNull();
    expect(crossingFileIn(['crossing', 'notes.crossing-vault'], home)).toBeNull();
  });

  it('takes the file: URIs a Linux file manager passes (%U), with their escapes', () => {
    const uri = 'file:///home/a/%D0%9E%D1%82%20%D0%90%D0%BD%D0%BD%D1%8B/from%20anna.crossing';
    expect(crossingFileIn(['/usr/lib/crossing/crossing', uri], '/')).toBe('/home/a/От Анны/from anna.crossing');
    expect(localPathOf('file://localhost/tmp/x.crossing', '/')).toBe('/tmp/x.crossing');
    expect(localPathOf('FILE:///tmp/x.crossing', '/')).toBe('/tmp/x.crossing');
  });

  it('refuses URIs that are not local files', () => {
    expect(localPathOf('file://fileserver/share/x.crossing', '/')).toBeNull();
    expect(localPathOf('smb://fileserver/share/x.crossing', '/')).toBeNull();
    expect(localPathOf('sftp://host/x.crossing', '/')).toBeNull();
    expect(crossingFileIn(['crossing', 'https://example.org/x.crossing'], home)).toBeNull();
  });

  it("resolves a relative path against the launching folder, not the app's", () => {
    expect(crossingFileIn(['crossing', 'exports/x.crossing'], '/home/b/Desktop')).toBe(
      '/home/b/Desktop/exports/x.crossing',
    );
    expect(crossingFileIn(['crossing', '../x.crossing'], '/home/b/Desktop')).toBe('/home/b/x.crossing');
    expect(crossingFileIn(['Crossing.exe', 'x.crossing'], 'D:\\Stick', path.win32)).toBe('D:\\Stick\\x.crossing');
  });

  it('holds opened files until the UI is ready, then passes them straight through', () => {
    const open = vi.fn();
    const queue = openFileQueue(open);
    queue.push('/a.crossing');
    queue.push('/b.crossing');
    expect(open).not.toHaveBeenCalled();
    queue.ready();
    expect(open.mock.calls).toEqual([['/a.crossing'], ['/b.crossing']]);
    queue.push('/c.crossing');
    expect(open).toHaveBeenLastCalledWith('/c.crossing');
    queue.pause();
    queue.push('/d.crossing');
    expect(open).toHaveBeenCalledTimes(3);
  });
});

describe('single instance', () => {
  it('quits a second launch at once', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(claimSingleInstance(app, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it("hands a second launch's arguments to the first", () => {
    let secondInstance: (event: unknown, argv: string[], workingDirectory: string) => void = () => {};
    const app = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (_event: 'second-instance', listener: typeof secondInstance) => (secondInstance = listener),
    };
    const onSecondLaunch = vi.fn();
    expect(claimSingleInstance(app, onSecondLaunch)).toBe(true);
    secondInstance({}, ['crossing', 'x.crossing'], '/home/b/Downloads');
    expect(onSecondLaunch).toHaveBeenCalledWith(['crossing', 'x.crossing'], '/home/b/Downloads');
    expect(app.quit).not.toHaveBeenCalled();
  });
});
