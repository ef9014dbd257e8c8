export { KringConfig, loadConfig } from './kring-config';
export type { AuthenticationThrottleConfig, IdentityConfig, KeyMaterialConfig, RuntimeMode } from './kring-config';
export { ConfigurationError } from './config.error';
export { createLogger, PinoNestLogger } from './logger';
export { KringLogger } from './kring-logger';
export { Clock, ManualClock, SystemClock, systemClock } from './clock';
