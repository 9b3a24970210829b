/**
 * electron-builder configuration: deb, NSIS, dmg; everything in app.asar; fuses flipped by the afterPack
 * hook; `.crossing` files open with the app. No publish target: a Crossing build never looks for updates.
 *
 * Linux ships as deb only (as Signal does): an AppImage cannot start with Chromium's sandbox on Ubuntu
 * 23.10 and later (no unprivileged user namespaces, no setuid helper inside an AppImage), and Crossing
 * never runs with its sandbox off. The deb installs an AppArmor profile that grants user namespaces.
 */
const CROSSING_FILES = {
  ext: 'crossing',
  name: 'Crossing export',
  description: 'Sealed Crossing case export',
  mimeType: 'application/x-crossing',
  role: 'Viewer',
};

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.crossing.desktop',
  productName: 'Crossing',
  copyright: 'AGPL-3.0-only',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'package.json',
    'dist/shared/**/*.js',
    'dist/electron/**/*.js',
    'dist/preload/preload.cjs',
    'dist-renderer/**/*',
    '!**/*.map',
    '!**/*.test.js',
    // Test fixtures and the BoringSSL simulation never run in the app.
    '!dist/shared/**/testing/**',
    '!dist/shared/service/testing.js',
    '!dist/electron/*.vite.config.js',
    // Bundled into the renderer already; main and the vault process never load them.
    '!node_modules/{react,react-dom,react-i18next,i18next,recharts,@tanstack}/**',
  ],
  asar: true,
  electronLanguages: ['en-US', 'ru'],
  afterPack: './build/afterPack.cjs',
  fileAssociations: [CROSSING_FILES],
  publish: null,
  linux: {
    target: ['deb'],
    category: 'Office',
    icon: 'build/icons',
    executableName: 'crossing',
    synopsis: 'Offline-first encrypted case tracking',
    description:
      'Crossing keeps the cases of an evacuation network in one encrypted vault on this computer. ' +
      'It never connects to a network: cases travel only as sealed files carried by hand.',
    // Crossing has no public website on purpose; .invalid (RFC 2606) names no host anywhere.
    maintainer: 'Crossing maintainers <maintainers@crossing.invalid>',
    vendor: 'Crossing',
    // The Wayland GlobalShortcuts portal finds the app by its desktop entry (package.json desktopName).
    desktop: { entry: { StartupWMClass: 'Crossing' } },
  },
  deb: {
    priority: 'optional',
    appArmorProfile: 'build/linux/apparmor-profile.tpl',
    // electron-builder's own list, and gdbus: the screen-lock and suspend watch listen on D-Bus with it.
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libglib2.0-bin',
    ],
  },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { title: 'Crossing' },
};
