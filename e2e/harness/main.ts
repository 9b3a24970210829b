import { startHarness } from './server.js';

/**
 * `node dist/e2e/harness/main.js [rendererDir]`: starts a harness and prints one JSON line with its
 * URL and token (for the UI engineer's manual runs and for tests run from another process).
 * Stops on SIGINT/SIGTERM and removes its temp folder.
 */
const harness = await startHarness(process.argv[2] ? { rendererDir: process.argv[2] } : {});
console.log(
  JSON.stringify({
    url: harness.url,
    token: harness.token,
    dataDir: harness.dataDir,
    placeholder: harness.servingPlaceholder,
  }),
);
const stop = () => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
