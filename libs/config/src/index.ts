export { loadConfig } from './kring-config';
export type { AuthenticationThrottleConfig, KringConfig, IdentityConfig, KeyMaterialConfig, RuntimeMode } from './kring-config';
export { ConfigurationError } from './config.error';
export { createLogger, PinoNestLogger } from './logger';
export { KRING_CONFIG, KRING_LOGGER } from './tokens';
