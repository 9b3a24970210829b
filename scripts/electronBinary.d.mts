/** Types for electronBinary.mjs, which tests and e2e specs import. */
export function electronPackageDir(): string | null;
export function electronVersion(): string;
export function installedElectronBinary(env?: NodeJS.ProcessEnv): string | null;
export function installFailureReason(stderr: string): string;
export function installElectronBinary(): { binary: string | null; reason: string | null };
export function missingElectronAdvice(reason: string | null): string;
