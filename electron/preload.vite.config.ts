import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where main loads the preload from: one self-contained CommonJS file (a sandboxed preload cannot import). */
export const PRELOAD_OUT_DIR = fileURLToPath(new URL('../dist/preload', import.meta.url));
export const PRELOAD_FILE = 'preload.cjs';

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: PRELOAD_OUT_DIR,
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => PRELOAD_FILE,
    },
    rollupOptions: { external: ['electron'] },
  },
});
