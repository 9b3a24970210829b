/**
 * electron-builder configuration: AppImage and deb, NSIS, dmg; everything in app.asar; fuses flipped
 * by the afterPack hook; `.crossing` files open with the app. No publish target: a Crossing build never
 * looks for updates.
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
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    executableName: 'crossing',
    synopsis: 'Offline-first encrypted case tracking',
  },
  deb: { priority: 'optional' },
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
