import type { Channel } from '../../shared/ipc/contract.js';
import { startHarness } from '../../e2e/harness/server.js';

/**
 * The harness for the UI bench, in a process of its own as Electron's main process is: the vault's work
 * then never holds up the browser driver, and the driver never holds up the vault. Forked by deskBench
 * with `RENDERER_DIR DATA_DIR`; answers its messages over the IPC channel.
 */
export type HarnessRequest =
  | { id: number; kind: 'call'; channel: Channel; args: unknown }
  | { id: number; kind: 'timings' }
  | { id: number; kind: 'clearTimings' }
  | { id: number; kind: 'close' };
export type HarnessMessage = { kind: 'ready'; url: string } | { id: number; kind: 'reply'; value: unknown };

const [rendererDir, dataDir] = process.argv.slice(2);
// Answers are not checked against the contract here: a packaged build does not check them either.
const harness = await startHarness({ rendererDir, dataDir, checkResults: false });
const send = (message: HarnessMessage) => process.send?.(message);
let closing: Promise<void> | undefined;
const close = () => (closing ??= harness.close());

process.on('message', (raw) => {
  const request = raw as HarnessRequest;
  const reply = (value: unknown) => send({ id: request.id, kind: 'reply', value });
  switch (request.kind) {
    case 'call':
      void harness.call(request.channel, request.args as never).then(reply);
      break;
    case 'timings':
      reply(harness.callTimings());
      break;
    case 'clearTimings':
      harness.clearCallTimings();
      reply(null);
      break;
    case 'close':
      void close().then(() => reply(null));
      break;
  }
});
process.on('disconnect', () => void close().finally(() => process.exit(0)));
send({ kind: 'ready', url: harness.url });
