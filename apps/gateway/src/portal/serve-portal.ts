import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { KringConfig } from '@kring/config';

/** Paths that belong to the API; the portal's fallback never answers them. */
const API_PREFIXES = ['/graphql', '/access-log/export', '/dev', '/health', '/fhir', '/.well-known'];

/**
 * Serves the built portal (apps/portal, built into `config.portalDir`) at `/`: its
 * hashed assets with a long cache, and index.html for every other page address so a
 * deep link opens the right page. Returns false, and serves nothing, when the portal
 * is not built (a gateway without a portal is still a complete API).
 */
export function servePortal(app: NestExpressApplication, config: KringConfig): boolean {
  if (!portalIsBuilt(config)) return false;
  const indexFile = join(config.portalDir, 'index.html');
  const index = readFileSync(indexFile);
  // The other security headers come with every response (common/security-headers.ts).
  const policy = portalContentSecurityPolicy(config);

  app.useStaticAssets(config.portalDir, {
    index: false,
    fallthrough: true,
    setHeaders(res: Response, path: string) {
      res.setHeader('Content-Security-Policy', policy);
      // Vite names assets by content hash: they never change under the same name.
      res.setHeader('Cache-Control', path.includes(`${join(config.portalDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const api = API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`));
    // A missing asset is a 404, not the page: a script tag must never receive HTML.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || api || req.path.startsWith('/assets/')) {
      next();
      return;
    }
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(index);
  });
  return true;
}

export function portalIsBuilt(config: KringConfig): boolean {
  return existsSync(join(config.portalDir, 'index.html'));
}

/**
 * A strict policy: only our own scripts and styles, no inline code, no framing. The
 * portal fetches the issuer's discovery document and token endpoint itself (authorisation
 * code with PKCE), so an external issuer's origin is allowed to be connected to.
 */
export function portalContentSecurityPolicy(config: KringConfig): string {
  const issuerOrigin = config.identity.kind === 'external' ? originOf(config.identity.issuer) : null;
  const connect = ["'self'", ...(issuerOrigin === null ? [] : [issuerOrigin])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
