/**
 * Entry of the vault's utilityProcess: the only process that opens the database or holds a key, so a
 * slow query or key derivation never blocks the window, and killing it wipes every key at once.
 */
import { vaultEndpoint } from './vaultEndpoint.js';
import { type ToVault } from './vaultMessages.js';

const port = process.parentPort;
const onMessage = vaultEndpoint((message) => port.postMessage(message));

port.on('message', ({ data }) => {
  onMessage(data as ToVault).catch((error: unknown) => {
    // Never the error itself: it could carry case data into a log.
    console.error('vault process: a message failed', (error as { name?: string })?.name ?? 'Error');
  });
});
