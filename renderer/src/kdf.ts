import { contract } from '../../shared/ipc/contract';

/** The Argon2id cost levels the vault accepts, read from the contract (the UI does not import crypto). */
export const KDF_LEVELS = contract.createVault.args.shape.kdf.options;
export type KdfLevel = (typeof KDF_LEVELS)[number];
export const DEFAULT_KDF: KdfLevel = 'moderate';
