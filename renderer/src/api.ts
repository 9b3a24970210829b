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

/** A refusal from the vault: one of the contract's codes and a plain message. */
export class ApiError extends Error {
  readonly code: IpcError['code'];
  constructor(code: IpcError['code'], message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Any failure as an ApiError, so that every screen shows refusals the same way. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('failure', String(error));
}

export async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const fn = window.crossing[channel] as unknown as (a: ChannelArgs<C>) => Promise<IpcResponse<C>>;
  let response: IpcResponse<C>;
  try {
    response = await fn(args);
  } catch (error) {
    throw new ApiError('failure', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new ApiError(response.error.code, response.error.message);
  return response.value;
}

type Api = { [C in Channel]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

/** `api.queryCases({...})` resolves to the value or throws an ApiError: no envelope reaches a screen. */
export const api = new Proxy({} as Api, {
  get: (_target, name) => (args: unknown) => call(name as Channel, args as never),
});

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.crossing.on(event, listener);
}
