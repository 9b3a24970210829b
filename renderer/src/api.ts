import type {
  Channel,
  ChannelArgs,
  ChannelResult,
  CrossingApi,
  EventName,
  EventPayload,
  IpcError,
  IpcResponse,
} from '../../shared/ipc/contract';

declare global {
  interface Window {
    crossing: CrossingApi;
  }
}

/** A refusal from the vault: one of the contract's codes, why (for the UI to say), and the English detail. */
export class ApiError extends Error {
  readonly code: IpcError['code'];
  readonly reason: IpcError['reason'];
  readonly params: IpcError['params'];
  constructor(code: IpcError['code'], message: string, reason?: IpcError['reason'], params?: IpcError['params']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.params = params;
  }
}

/** Any failure as an ApiError, so that every screen shows refusals the same way. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('failure', error instanceof Error ? error.message : String(error));
}

export async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const fn = window.crossing[channel] as unknown as (a: ChannelArgs<C>) => Promise<IpcResponse<C>>;
  let response: IpcResponse<C>;
  try {
    response = await fn(args);
  } catch (error) {
    throw new ApiError('failure', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok)
    throw new ApiError(response.error.code, response.error.message, response.error.reason, response.error.params);
  if (!READS.test(channel)) for (const listener of [...changeListeners]) listener();
  return response.value;
}

/**
 * Calls that only read. Every other call that succeeds may have changed which cases exist or what
 * they hold (an import, a purge, a merge, a restore): lists still on screen fetch again.
 */
const READS = /^(get|list|query|preview|choose|inspect|match|platformProtections$|verifyRelease$)/;
const changeListeners = new Set<() => void>();

/** Called after every call that may have changed the vault's cases. Returns the unsubscribe. */
export function onVaultChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

type Api = { [C in Channel]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

/** `api.queryCases({...})` resolves to the value or throws an ApiError: no envelope reaches a screen. */
export const api = new Proxy({} as Api, {
  get: (_target, name) => (args: unknown) => call(name as Channel, args as never),
});

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.crossing.on(event, listener);
}
