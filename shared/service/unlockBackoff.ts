/**
 * After consecutive wrong passphrases the app answers later and later: 1 s after the first, then
 * 2, 4, 8 … up to a minute; a right one starts again from nothing. This slows a person guessing at
 * the keyboard of an unattended laptop. It does nothing against an offline attack on a copied
 * vault file: there, only the passphrase's strength and Argon2id's cost count.
 */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;

export function unlockDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(consecutiveFailures - 1, 16));
}

export class UnlockBackoff {
  private failures = 0;

  constructor(private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Runs one unlock attempt; a wrong passphrase (an `auth` refusal) is answered after the delay. */
  async attempt<T>(unlock: () => Promise<T>): Promise<T> {
    try {
      const result = await unlock();
      this.failures = 0;
      return result;
    } catch (error) {
      if ((error as { code?: string }).code === 'auth') {
        this.failures += 1;
        await this.sleep(unlockDelayMs(this.failures));
      }
      throw error;
    }
  }
}
