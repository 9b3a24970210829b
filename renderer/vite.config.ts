import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** The renderer is a static bundle: same-origin files only, loaded from disk by Electron or by the test harness. */
const config = {
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
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is always a production build, whatever NODE_ENV the shell or a test runner left set: with
  // NODE_ENV=development or test, React's development JSX writes every component's absolute source
  // path (the builder's home folder) into the bundle, and two checkouts no longer build the same bytes.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
