/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed binary, before signing, so the
 * shipped app cannot be turned into a general-purpose Node (RunAsNode, NODE_OPTIONS, --inspect), runs
 * only the code in its own app.asar, and refuses an app.asar that was changed after the build.
 */
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const ARM64 = 3; // electron-builder's Arch enum
const UNIVERSAL = 4;

/**
 * Every fuse this version of @electron/fuses knows, set explicitly (a test fails when it learns a new
 * one). @electron/fuses 2 is an ES module: Node ≥ 20.19 requires it from CommonJS as it is.
 */
function fuseConfig({ platform, arch }) {
  return {
    version: FuseVersion.V1,
    // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches: re-sign it ad hoc.
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === ARM64 || arch === UNIVERSAL),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The UI is served from the app's own scheme, so file:// needs no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // libsodium (Argon2id, every seal) runs as WebAssembly in the vault process: with trap handlers V8
    // bounds-checks its memory in hardware; without them it checks in code, as safely but slower.
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** Where the packed Electron binary is: the .app bundle, the .exe, or the Linux executable. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context, flip = flipFuses) {
  const binary = electronBinaryPath(context);
  await flip(binary, fuseConfig({ platform: context.electronPlatformName, arch: context.arch }));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
