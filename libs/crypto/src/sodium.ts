import sodiumModule from 'libsodium-wrappers';

export type Sodium = typeof sodiumModule;

/** libsodium after its WebAssembly has loaded; every cryptographic call in Kring goes through this. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}
