import { failureError } from '../errors.js';

/** For a capability whose library is not part of this build yet: a clear failure, never a crash. */
export const notAvailable = (what: string) => (): never => {
  throw failureError(`${what} is not available in this build`);
};
