import { type App } from 'electron';

type InstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit'> & {
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
};

/**
 * One running Crossing per user: two processes over one vault would mean two holders of its keys and
 * two writers. A second launch quits at once and hands its arguments (a `.crossing` file) to the first,
 * with its own working directory, against which a relative path must be resolved.
 */
export function claimSingleInstance(
  app: InstanceApp,
  onSecondLaunch: (argv: string[], workingDirectory: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondLaunch(argv, workingDirectory));
  return true;
}
