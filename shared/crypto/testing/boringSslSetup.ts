import { simulateBoringSsl } from './simulateBoringSsl.js';

/** Vitest setup file of the `boringssl` project: every test file there runs as inside Electron. */
simulateBoringSsl();
