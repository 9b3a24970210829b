import { build } from 'vite';

/**
 * Builds the renderer once before the specs, so they always test the current UI. Set
 * CROSSING_E2E_SKIP_BUILD=1 to reuse an existing dist-renderer/ (e.g. when iterating on a spec).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.CROSSING_E2E_SKIP_BUILD === '1') return;
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
}
