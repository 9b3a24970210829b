/** Argon2id cost levels (DESIGN.md). Kept apart from kdf.ts so the UI can list them without libsodium. */
export const KDF_LEVELS = ['interactive', 'moderate', 'sensitive'] as const;
export type KdfLevel = (typeof KDF_LEVELS)[number];
export const DEFAULT_KDF_LEVEL: KdfLevel = 'moderate';
