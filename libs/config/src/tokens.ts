/** Nest injection tokens for the process-wide configuration and logger. */
export const KRING_CONFIG = Symbol('KRING_CONFIG');
export const KRING_LOGGER = Symbol('KRING_LOGGER');
