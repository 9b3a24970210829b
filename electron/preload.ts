/**
 * The sandboxed preload: exposes `window.crossing` and nothing else. It can require only 'electron', so
 * it is bundled (with the contract's channel names) into one CommonJS file by preload.vite.config.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildCrossingApi } from './crossingApi.js';

contextBridge.exposeInMainWorld('crossing', buildCrossingApi(ipcRenderer));
