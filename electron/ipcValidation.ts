import { CrossingError, failureError, usageError } from '../shared/errors.js';
import { contract, ipcErrorSchema, type Channel, type IpcResponse } from '../shared/ipc/contract.js';
import { describeIssues } from '../shared/model/case.js';
import { toIpcError } from '../shared/service/toIpcError.js';

export type CheckedCall = { ok: true; channel: Channel; args: unknown } | { ok: false; response: IpcResponse<Channel> };

const refuse = (error: unknown): IpcResponse<Channel> => ({ ok: false, error: toIpcError(error) });

/**
 * Main's own check of a call from the renderer, before anything reaches the vault process: the channel
 * must be a contract row and the arguments must match its schema. Unknown keys are stripped, defaults
 * filled in. Channels without arguments may be called with nothing at all.
 */
export function checkCall(channel: string, rawArgs: unknown): CheckedCall {
  if (!Object.hasOwn(contract, channel))
    return { ok: false, response: refuse(usageError('there is no such channel', 'badRequest')) };
  const row = contract[channel as Channel];
  const parsed = row.args.safeParse(rawArgs === undefined ? {} : rawArgs);
  if (!parsed.success)
    return { ok: false, response: refuse(usageError(`${channel}: ${describeIssues(parsed.error)}`, 'badRequest')) };
  return { ok: true, channel: channel as Channel, args: parsed.data };
}

/**
 * What leaves main for the renderer: a value, or exactly `{code, message, reason?, params?}` with one of
 * the CLI's codes and a reason the UI translates. Whatever else an error object carries (a stack, a
 * path, a cause) is dropped here.
 */
export function toBoundaryResponse(response: unknown): IpcResponse<Channel> {
  const candidate = response as { ok?: unknown; value?: unknown; error?: unknown } | null;
  if (candidate?.ok === true) return { ok: true, value: candidate.value } as IpcResponse<Channel>;
  const error = ipcErrorSchema.safeParse(candidate?.error);
  if (!error.success) return refuse(failureError('the vault answered something unexpected', 'unexpected'));
  return refuse(new CrossingError(error.data.code, error.data.message, error.data.reason, error.data.params));
}
