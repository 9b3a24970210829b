import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer is a static bundle: same-origin files only, loaded from disk by Electron or by the test harness. */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Inlined assets would become data: URLs, which the CSP does not allow; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
