/** The shortest passphrase Crossing accepts for a new vault or a new passphrase: one rule for the UI, the CLI and the vault. */
export const MIN_PASSPHRASE_LENGTH = 12;
