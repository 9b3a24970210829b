import { type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: editing and window roles only. It replaces Electron's default menu, whose Help
 * items open web pages and whose View menu offers reload and devtools.
 */
export function menuTemplate({
  isMac,
  isPackaged,
}: {
  isMac: boolean;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: [{ role: 'minimize' }, ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]), { role: 'close' }],
  };
  const app: MenuItemConstructorOptions = {
    label: 'Crossing',
    submenu: [{ role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
  };
  return isMac ? [app, edit, window] : [edit, window];
}
