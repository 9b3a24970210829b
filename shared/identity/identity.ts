import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { sodium } from '../crypto/sodium.js';
import { randomBytes } from '../crypto/random.js';

/**
 * A vault's identity: an Ed25519 key that signs what this vault writes and exports, and an age
 * identity that exported files are sealed to. Its fingerprint names it as the author of ops and
 * as the assignee of cases.
 */
export interface Identity {
  displayName: string;
  signPublicKey: Uint8Array;
  signSecretKey: Uint8Array;
  ageIdentity: string;
  ageRecipient: string;
  /** Random per vault: the last part of every clock value this vault writes. */
  device: string;
  fingerprint: string;
}

export type PublicIdentity = Pick<Identity, 'displayName' | 'ageRecipient' | 'fingerprint'> & { signPublicKey: string };

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not hold control characters' });

/** 20 bytes of BLAKE2b over both public keys, as 40 hex digits. */
export function fingerprintOf(signPublicKey: Uint8Array, ageRecipient: string): string {
  const recipient = new TextEncoder().encode(ageRecipient);
  const input = new Uint8Array(signPublicKey.length + recipient.length);
  input.set(signPublicKey);
  input.set(recipient, signPublicKey.length);
  return Buffer.from(sodium().crypto_generichash(20, input, 'crossing fingerprint')).toString('hex');
}

export async function generateIdentity(
  displayName: string,
  options: { postQuantum?: boolean } = {},
): Promise<Identity> {
  const { publicKey, privateKey } = sodium().crypto_sign_keypair();
  const ageIdentity = options.postQuantum ? await generateHybridIdentity() : await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  return {
    displayName,
    signPublicKey: publicKey,
    signSecretKey: privateKey,
    ageIdentity,
    ageRecipient,
    device: Buffer.from(randomBytes(8)).toString('hex'),
    fingerprint: fingerprintOf(publicKey, ageRecipient),
  };
}

export function publicIdentity(identity: Identity): PublicIdentity {
  return {
    displayName: identity.displayName,
    ageRecipient: identity.ageRecipient,
    fingerprint: identity.fingerprint,
    signPublicKey: Buffer.from(identity.signPublicKey).toString('base64'),
  };
}

const storedIdentitySchema = z.strictObject({
  displayName: z.string(),
  signPublicKey: z.string(),
  signSecretKey: z.string(),
  ageIdentity: z.string().startsWith('AGE-SECRET-KEY-'),
  ageRecipient: z.string().startsWith('age1'),
  device: z.string().regex(/^[0-9a-f]{16}$/),
});

export function serializeIdentity(identity: Identity): string {
  return JSON.stringify({
    displayName: identity.displayName,
    signPublicKey: Buffer.from(identity.signPublicKey).toString('base64'),
    signSecretKey: Buffer.from(identity.signSecretKey).toString('base64'),
    ageIdentity: identity.ageIdentity,
    ageRecipient: identity.ageRecipient,
    device: identity.device,
  });
}

export function deserializeIdentity(json: string): Identity {
  const stored = storedIdentitySchema.parse(JSON.parse(json));
  const signPublicKey = new Uint8Array(Buffer.from(stored.signPublicKey, 'base64'));
  return {
    ...stored,
    signPublicKey,
    signSecretKey: new Uint8Array(Buffer.from(stored.signSecretKey, 'base64')),
    fingerprint: fingerprintOf(signPublicKey, stored.ageRecipient),
  };
}
