import type { Logger } from 'pino';

/**
 * The process's structured logger (pino), asked for by type. The class is only the
 * injection token; the interface merged into it gives it pino's `Logger` type, so the
 * value handed over is the logger itself, not a wrapper.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- a token class typed as the third-party interface it stands for
export abstract class KringLogger {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- see above
export interface KringLogger extends Logger {}
