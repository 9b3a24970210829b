/** Main process: wiring only. Every decision lives in a small module with its own tests. */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  utilityProcess,
} from 'electron';
import { DEFAULT_SETTINGS, ipcChannel, type Settings } from '../shared/ipc/contract.js';
import { type LockReason } from '../shared/service/index.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './appProtocol.js';
import { appPaths } from './appPaths.js';
import { startAutoLock } from './autoLock.js';
import { nativeDialogs } from './dialogs.js';
import { crossingFileIn, openFileQueue } from './fileAssociation.js';
import { registerIpcRelay } from './ipcRelay.js';
import { answeredInMain } from './mainAnswers.js';
import { openMainWindow } from './mainWindow.js';
import { menuTemplate } from './menu.js';
import { resolveNoHostNames } from './noDns.js';
import { panicKeysInWindow, panicShortcut } from './panicShortcut.js';
import { platformProtections } from './platformProtections.js';
import { hardenSession } from './sessionHardening.js';
import { watchDesktopSession } from './sessionWatch.js';
import { settingsTap } from './settingsTap.js';
import { useGlobalShortcutsPortal } from './shortcutsPortal.js';
import { claimSingleInstance } from './singleInstance.js';
import { asVaultChild } from './vaultChild.js';
import { createVaultHost } from './vaultHost.js';
import { hardenWebContents } from './webContentsHardening.js';
import { APP_PARTITION } from './windowOptions.js';

const { isPackaged } = app;
const paths = appPaths(import.meta.url);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
resolveNoHostNames(app.commandLine);
useGlobalShortcutsPortal(app.commandLine, process.platform);

let window: BrowserWindow | null = null;
let settings: Settings = DEFAULT_SETTINGS;
// Tests give each run a fresh folder; a packaged build always uses the per-user app folder.
const dataDir = (!isPackaged && process.env.CROSSING_DATA_DIR) || app.getPath('userData');

const host = createVaultHost({
  spawn: () => asVaultChild(utilityProcess.fork(paths.vaultProcess, [], { serviceName: 'Crossing vault' })),
  dataDir,
  appVersion: app.getVersion(),
  runtime: { electron: process.versions.electron, chromium: process.versions.chrome, node: process.versions.node },
  dialogs: nativeDialogs(
    dialog,
    () => window,
    () => app.getPath('documents'),
  ),
  emit: (event, payload) => window?.webContents.send(ipcChannel(event), payload),
});
const lock = (reason: LockReason) => void host.lock(reason);
const forgetKeysNow = (reason: LockReason) => host.forgetKeysNow(reason);
const panicNow = () => {
  lock('panic');
  window?.hide();
};
const panic = panicShortcut(globalShortcut, panicNow);
// The emergency erase: the window comes forward and shows its 5-second countdown, which any key cancels.
const eraseRequested = () => {
  window?.show();
  window?.focus();
  window?.webContents.send(ipcChannel('eraseRequested'), {});
};
const eraseKey = panicShortcut(globalShortcut, eraseRequested);
let panicRegistered = false;
let stopAutoLock = () => {};
// The vault process says itself why a file cannot be read; this covers the process failing to answer.
const openedFiles = openFileQueue(
  (filePath) =>
    void host.openFile(filePath).catch(() => {
      window?.webContents.send(ipcChannel('fileOpenFailed'), { name: path.basename(filePath), reason: 'failed' });
    }),
);

function followSettings(next: Settings): void {
  settings = next;
  panicRegistered = panic.use(next.panicShortcut);
  if (!panicRegistered) console.warn(`the panic shortcut ${next.panicShortcut} could not be registered`);
  // Refused system-wide, it still works inside the window (the renderer matches the key itself).
  if (next.eraseShortcut) eraseKey.use(next.eraseShortcut);
  else eraseKey.release();
}

function start(): void {
  const appSession = session.fromPartition(APP_PARTITION);
  for (const each of [session.defaultSession, appSession]) hardenSession(each, { isPackaged });
  registerAppProtocol(appSession.protocol, paths.rendererDir);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', isPackaged })));
  const locks = startAutoLock({
    power: powerMonitor,
    autoLockMinutes: () => settings.autoLockMinutes,
    lock,
    forgetKeysNow,
  });
  const desktop = watchDesktopSession({ platform: process.platform, env: process.env, onLock: locks.sessionSignal });
  stopAutoLock = () => {
    desktop.stop(); // no D-Bus monitor outlives the app
    locks.stop();
  };
  const protections = () =>
    platformProtections(process.platform, process.env, {
      monitorTool: desktop.tool,
      monitorsListening: desktop.listening(),
      systemIdleStuck: locks.systemIdleStuck(),
      panicShortcutRegistered: panicRegistered,
    });
  const forward = answeredInMain(
    { platformProtections: protections },
    settingsTap((channel, args) => host.call(channel, args), followSettings),
  );
  registerIpcRelay(ipcMain, forward);
  followSettings(settings); // the panic key works from the first moment, before the vault process answers
  forward('getSettings', {}).catch(() => undefined);
  window = openMainWindow(BrowserWindow, { preload: paths.preload, isPackaged });
  // The UI subscribes to events once React has mounted, a moment after the page has loaded.
  window.webContents.on('did-finish-load', () => setTimeout(openedFiles.ready, 500));
  window.webContents.on('did-start-loading', openedFiles.pause);
  panicKeysInWindow(window.webContents, () => settings.panicShortcut, process.platform === 'darwin', panicNow);
  // Keys and mouse in Crossing's own window: the idle time of last resort where the system reports 0.
  window.webContents.on('input-event', locks.noteWindowInput);
  window.on('closed', () => (window = null));
}

const focus = (argv: string[], workingDirectory: string) => {
  const file = crossingFileIn(argv, workingDirectory);
  if (file) openedFiles.push(file);
  window?.show();
  window?.focus();
};

if (claimSingleInstance(app, focus)) {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isPackaged }));
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openedFiles.push(filePath);
  });
  const launchFile = crossingFileIn(process.argv, process.cwd());
  if (launchFile) openedFiles.push(launchFile);
  app.on('activate', () => window?.show()); // the Dock icon brings back a window the panic key hid
  app.on('window-all-closed', () => app.quit()); // on every platform: quitting is what drops the keys
  app.on('will-quit', () => {
    panic.release();
    eraseKey.release();
    stopAutoLock();
    host.stop();
  });
  void app.whenReady().then(start);
}
