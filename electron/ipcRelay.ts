import { type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { rejectedError } from '../shared/errors.js';
import { CHANNELS, ipcChannel, type Channel, type IpcResponse } from '../shared/ipc/contract.js';
import { toIpcError } from '../shared/service/toIpcError.js';
import { checkCall, toBoundaryResponse } from './ipcValidation.js';
import { isAppUrl } from './sessionPolicy.js';

export type Forward = (channel: Channel, args: unknown) => Promise<unknown>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Only the app's own page may call: not a frame, a devtools page or anything that got navigated in. */
export const isTrustedSender = (event: SenderEvent): boolean => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
};

/** One handler for one contract row: check the sender, validate the arguments, forward, clean the answer. */
export function relayHandler(channel: Channel, forward: Forward) {
  return async (event: SenderEvent, rawArgs: unknown): Promise<IpcResponse<Channel>> => {
    if (!isTrustedSender(event))
      return { ok: false, error: toIpcError(rejectedError('this page may not call the vault', 'badRequest')) };
    const checked = checkCall(channel, rawArgs);
    if (!checked.ok) return checked.response;
    try {
      return toBoundaryResponse(await forward(checked.channel, checked.args));
    } catch (error) {
      return { ok: false, error: toIpcError(error) };
    }
  };
}

/** Registers `crossing:<name>` for every row of the contract, and nothing else. */
export function registerIpcRelay(ipcMain: Pick<IpcMain, 'handle'>, forward: Forward): void {
  for (const channel of CHANNELS) ipcMain.handle(ipcChannel(channel), relayHandler(channel, forward));
}
