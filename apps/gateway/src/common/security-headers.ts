import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { KringConfig } from '@kring/config';

/**
 * helmet's security headers on every response. The policy suits what the API answers
 * (JSON, CSV, nothing to render): no sources at all, no framing. The portal's pages and
 * assets replace it with their own policy (portal/serve-portal.ts). HSTS only in
 * production, which is served over HTTPS behind the load balancer; a development gateway
 * on http://127.0.0.1 must not pin a browser to HTTPS.
 */
export function securityHeaders(config: KringConfig): (request: Request, response: Response, next: NextFunction) => void {
  const production = config.mode === 'production';
  const options: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  };
  const everyResponse = helmet(options);
  // Apollo's sandbox page (development only) loads its scripts and styles from Apollo's CDN and
  // carries its own policy in a meta tag, with a fresh nonce per page; a second, stricter
  // policy in the header would block it (browsers enforce both).
  const sandboxPage = helmet({ ...options, contentSecurityPolicy: false });
  return (request, response, next) => {
    if (!production && isSandboxPageRequest(request)) sandboxPage(request, response, next);
    else everyResponse(request, response, next);
  };
}

/** The request Apollo answers with its landing page: a GET of /graphql that prefers HTML over its JSON answers. */
function isSandboxPageRequest(request: Request): boolean {
  return request.method === 'GET' && request.path === '/graphql' && request.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}
