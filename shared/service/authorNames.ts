import type { ServiceContext } from './types.js';

/** Names the author of an op for the history: this vault's own name, else null (shown as a fingerprint). */
export function authorNames(ctx: ServiceContext): (fingerprint: string) => string | null {
  const me = ctx.session.requireVault().me;
  return (fingerprint) => (fingerprint === me.fingerprint ? me.displayName : null);
}
