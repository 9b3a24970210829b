import { fileURLToPath } from 'node:url';

/**
 * Where the built pieces are, relative to this compiled file (dist/electron/): the same layout in the
 * working tree and inside the packaged app.asar.
 */
export const appPaths = (moduleUrl: string) => ({
  rendererDir: fileURLToPath(new URL('../../dist-renderer/', moduleUrl)),
  preload: fileURLToPath(new URL('../preload/preload.cjs', moduleUrl)),
  vaultProcess: fileURLToPath(new URL('./vaultProcess.js', moduleUrl)),
});
