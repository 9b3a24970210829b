/** The vault service: the contract's handlers over one vault, shared by Electron's main process and the test harness. */
export { createVaultService, type VaultService, type VaultServiceOptions } from './service.js';
export type { DialogPort, Emit, RuntimeVersions, SaveKind } from './types.js';
export type { FileRef } from './fileRefs.js';
export type { LockReason } from './session.js';
export { DEFAULT_VAULT_FILE } from './session.js';
export { SETTINGS_FILE } from './settingsStore.js';
export { crossingCsp } from './csp.js';
