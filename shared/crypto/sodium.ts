import sodiumModule from 'libsodium-wrappers-sumo';

/** libsodium's wasm must finish loading once before any call; entry points await `loadSodium()`. */
export type Sodium = typeof sodiumModule;

let loaded = false;
let ready: Promise<Sodium> | undefined;

export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => {
    loaded = true;
    return sodiumModule;
  });
  return ready;
}

/** The loaded library, for synchronous code that runs after `loadSodium()` has resolved. */
export function sodium(): Sodium {
  if (!loaded) throw new Error('libsodium is not loaded yet: await loadSodium() first');
  return sodiumModule;
}
