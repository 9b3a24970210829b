import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Makes this process's node:crypto behave as inside Electron, whose Node is built on BoringSSL:
 * ChaCha20 and ChaCha20-Poly1305 are not offered as ciphers (electron/electron#24024), so
 * `getCiphers()` leaves them out, `getCipherInfo()` knows nothing of them, and
 * `createCipheriv`/`createDecipheriv` throw "Unknown cipher" for them, whatever the case of the
 * name. Everything else is delegated unchanged. For tests and the benchmark only: production code
 * neither imports this nor knows of it.
 */
const MISSING_CIPHERS = new Set(['chacha20', 'chacha20-poly1305']);
const APPLIED = Symbol.for('crossing.simulateBoringSsl');

export function isMissingUnderBoringSsl(cipherName: string): boolean {
  return MISSING_CIPHERS.has(cipherName.toLowerCase());
}

/** The error Node raises for a cipher its library does not have. */
function unknownCipher(): Error {
  return Object.assign(new Error('Unknown cipher'), { code: 'ERR_CRYPTO_UNKNOWN_CIPHER' });
}

/** Patches the module object, then re-syncs the named ESM exports so `import { … }` sees it too. */
export function simulateBoringSsl(): void {
  const target = crypto as typeof crypto & { [APPLIED]?: true };
  if (target[APPLIED]) return; // once per process: module registries may load this file again
  const { getCiphers, getCipherInfo, createCipheriv, createDecipheriv } = crypto;
  const refuseMissing =
    <A extends unknown[], R>(create: (name: string, ...rest: A) => R) =>
    (name: string, ...rest: A): R => {
      if (isMissingUnderBoringSsl(name)) throw unknownCipher();
      return create(name, ...rest);
    };
  Object.assign(target, {
    [APPLIED]: true,
    getCiphers: () => getCiphers().filter((name) => !isMissingUnderBoringSsl(name)),
    getCipherInfo: (nameOrNid: string | number, options?: crypto.CipherInfoOptions) =>
      typeof nameOrNid === 'string' && isMissingUnderBoringSsl(nameOrNid)
        ? undefined
        : getCipherInfo(nameOrNid, options),
    createCipheriv: refuseMissing(createCipheriv as (name: string, ...rest: unknown[]) => crypto.Cipher),
    createDecipheriv: refuseMissing(createDecipheriv as (name: string, ...rest: unknown[]) => crypto.Decipher),
  });
  syncBuiltinESMExports();
}
