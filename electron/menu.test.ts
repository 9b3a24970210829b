import { type MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu.js';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('application menu', () => {
  it.each([true, false])('has only roles and no link, reload or devtools when packaged (mac: %s)', (isMac) => {
    const items = flatten(menuTemplate({ isMac, isPackaged: true }));
    for (const item of items) expect(item.click).toBeUndefined();
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).toContain('paste');
  });

  it('offers devtools in development', () => {
    const roles = flatten(menuTemplate({ isMac: false, isPackaged: false })).map((item) => item.role);
    expect(roles).toContain('toggleDevTools');
  });
});
