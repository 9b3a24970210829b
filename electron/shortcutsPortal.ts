import { type CommandLine } from 'electron';

/**
 * On Linux, lets the panic shortcut be global under Wayland too: Chromium then asks the desktop's
 * GlobalShortcuts portal (GNOME, KDE), which knows the app by its desktop entry (package.json
 * `desktopName`). Without it a Wayland session never delivers the keys while another window has focus.
 * Must be set before the app is ready.
 */
export function useGlobalShortcutsPortal(commandLine: Pick<CommandLine, 'appendSwitch'>, platform: string): void {
  if (platform === 'linux') commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
}
