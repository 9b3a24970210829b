import { describe, expect, it, vi } from 'vitest';
import { crossingFileIn, openFileQueue } from './fileAssociation.js';
import { claimSingleInstance } from './singleInstance.js';

describe('file association', () => {
  it('finds the .crossing file among the launch arguments', () => {
    expect(crossingFileIn(['/opt/Crossing/crossing', '/home/a/from-anna.crossing'])).toBe('/home/a/from-anna.crossing');
    expect(crossingFileIn(['C:\\Crossing.exe', '--flag', 'D:\\Export.CROSSING'])).toBe('D:\\Export.CROSSING');
    expect(crossingFileIn(['electron', '.', '--file=x.crossing'])).toBeNull();
    expect(crossingFileIn(['electron', '.'])).toBeNull();
    expect(crossingFileIn(['crossing', 'notes.crossing-vault'])).toBeNull();
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
    let secondInstance: (event: unknown, argv: string[]) => void = () => {};
    const app = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (_event: 'second-instance', listener: typeof secondInstance) => (secondInstance = listener),
    };
    const onSecondLaunch = vi.fn();
    expect(claimSingleInstance(app, onSecondLaunch)).toBe(true);
    secondInstance({}, ['crossing', '/x.crossing']);
    expect(onSecondLaunch).toHaveBeenCalledWith(['crossing', '/x.crossing']);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
