import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { CROSSING_EXTENSION } from '../electron/fileAssociation.js';

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs');
const afterPack = require('./afterPack.cjs');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const quietLogger = { isEnabled: false, add: () => {} };

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
  });

  it('is checked by a validator that does refuse a wrong configuration', async () => {
    const wrong = { ...config, linux: { ...config.linux, target: 42 }, telemetry: true };
    await expect(validateConfiguration(wrong, quietLogger)).rejects.toThrow(/Invalid configuration/);
  });

  it('builds deb, NSIS and dmg, inside app.asar, with no update feed', () => {
    expect(config.linux.target).toEqual(['deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.afterPack).toBe('./build/afterPack.cjs');
  });

  it('gives the deb what its packager refuses to build without: a homepage and a maintainer', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(packageJson.homepage).toMatch(/^https:\/\/[^/]+\.invalid\//);
    expect(config.linux.maintainer).toMatch(/^[^<]+<[^@\s]+@[^>\s]+>$/);
    expect(packageJson.author.email).toMatch(/@/);
    // The Wayland shortcuts portal knows the app by its desktop entry, named after the executable.
    expect(packageJson.desktopName).toBe(`${config.linux.executableName}.desktop`);
  });

  it('never starts with the sandbox off: no AppImage, and an AppArmor profile that grants user namespaces', () => {
    expect(JSON.stringify(config)).not.toMatch(/no-sandbox|AppImage|snap/i);
    expect(config.deb.appArmorProfile).toBe('build/linux/apparmor-profile.tpl');
    const profile = readFileSync(new URL('linux/apparmor-profile.tpl', import.meta.url), 'utf8');
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(profile).toMatch(/profile "\$\{executable\}" "\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}"/);
    expect(profile).toMatch(/^\s+userns,$/m);
  });

  it('associates .crossing files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: CROSSING_EXTENSION.slice(1) })]);
    expect(config.fileAssociations[0].mimeType).toMatch(/^application\//);
  });

  it('packs the main process, the preload and the renderer where main looks for them', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(packageJson.main).toBe('dist/electron/main.js');
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**/*.js', 'dist/preload/preload.cjs', 'dist-renderer/**/*']),
    );
  });
});

describe('afterPack fuses', () => {
  const contexts = [
    { electronPlatformName: 'linux', arch: 1, binary: '/out/linux-unpacked/crossing' },
    { electronPlatformName: 'win32', arch: 1, binary: '/out/win-unpacked/Crossing.exe' },
    { electronPlatformName: 'darwin', arch: 3, binary: '/out/mac-arm64/Crossing.app' },
  ];

  it.each(contexts)('flips every fuse on $electronPlatformName', async ({ electronPlatformName, arch, binary }) => {
    const flip = vi.fn(async () => 0);
    const appOutDir = binary.slice(0, binary.lastIndexOf('/'));
    const packager = { appInfo: { productFilename: 'Crossing' }, executableName: 'crossing' };
    await afterPack({ appOutDir, electronPlatformName, arch, packager }, flip);
    expect(flip).toHaveBeenCalledOnce();
    const [path, fuses] = flip.mock.calls[0] as unknown as [string, Record<number, boolean>];
    expect(path).toBe(binary);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('sets every fuse @electron/fuses knows, none left to the default', () => {
    const fuses = afterPack.fuseConfig({ platform: 'linux', arch: 1 });
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    for (const fuse of known) expect(typeof fuses[fuse]).toBe('boolean');
  });

  it('re-signs ad hoc only for Apple Silicon builds', () => {
    expect(afterPack.fuseConfig({ platform: 'darwin', arch: 3 }).resetAdHocDarwinSignature).toBe(true);
    expect(afterPack.fuseConfig({ platform: 'darwin', arch: 1 }).resetAdHocDarwinSignature).toBe(false);
    expect(afterPack.fuseConfig({ platform: 'linux', arch: 3 }).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('icons', () => {
  const read = (name: string) => readFileSync(new URL(name, import.meta.url));
  const pngSize = (png: Buffer) => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  it('has a 1024 px icon and the Linux sizes up to 512 px', () => {
    expect(pngSize(read('icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual([size, size]);
  });

  it('has a Windows .ico and a macOS .icns', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
