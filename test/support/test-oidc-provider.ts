import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT } from 'jose';
import { DevIssuer, type DevTokenSubject } from '@kring/identity';

/**
 * A small OpenID Connect provider for tests: discovery, an authorisation endpoint that
 * signs in one fixed person at once (as DigiD would after the person logged in), a token
 * endpoint that checks the PKCE verifier, and the JWKS. Strict where the portal could go
 * wrong: the redirect URI, S256, the verifier, single use of the code.
 */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** What the token endpoint saw, so a test can check the PKCE exchange really happened. */
  readonly exchanges: { readonly codeVerifierMatched: boolean; readonly redirectUri: string }[];
  /** Who logs in at the provider from now on (a person at the broker's login page): the next code is theirs. */
  signsIn(subject: DevTokenSubject): void;
  /** An access token for someone, as the token endpoint issues it: for a test's own API calls beside the browser. */
  tokenFor(subject: DevTokenSubject): Promise<string>;
  close(): Promise<void>;
}

export async function startTestOidcProvider(options: { clientId: string; audience: string; subject: DevTokenSubject }): Promise<TestOidcProvider> {
  const codes = new Map<string, { challenge: string; redirectUri: string; nonce: string; subject: DevTokenSubject }>();
  const exchanges: { codeVerifierMatched: boolean; redirectUri: string }[] = [];
  let issuerUrl = '';
  let signer: DevIssuer | null = null;
  let person = options.subject;
  const keys = await DevIssuer.generateKeys();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { error: 'server_error' }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuerUrl);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, { issuer: issuerUrl, authorization_endpoint: `${issuerUrl}/authorize`, token_endpoint: `${issuerUrl}/token`, jwks_uri: `${issuerUrl}/jwks.json` });
    }
    if (req.method === 'GET' && url.pathname === '/jwks.json') return send(res, 200, (signer as DevIssuer).jwks());
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== options.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !redirectUri) {
        return send(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge') as string, redirectUri, nonce: q.get('nonce') ?? '', subject: person });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(await body(req));
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      codes.delete(code); // single use
      const verifier = form.get('code_verifier') ?? '';
      const matched = pending !== undefined && createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
      exchanges.push({ codeVerifierMatched: matched, redirectUri: form.get('redirect_uri') ?? '' });
      if (pending === undefined || !matched || form.get('redirect_uri') !== pending.redirectUri || form.get('client_id') !== options.clientId || form.get('grant_type') !== 'authorization_code') {
        return send(res, 400, { error: 'invalid_grant' });
      }
      const accessToken = await (signer as DevIssuer).sign(pending.subject, 600);
      const idToken = await new SignJWT({ nonce: pending.nonce })
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.privateJwk.kid })
        .setIssuer(issuerUrl)
        .setAudience(options.clientId)
        .setSubject('test-person')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(await importJWK(keys.privateJwk, 'EdDSA'));
      return send(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 600 });
    }
    send(res, 404, { error: 'not_found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = DevIssuer.fromKeys(keys, issuerUrl, options.audience);
  signer = issuer;
  return {
    issuer: issuerUrl,
    jwksUrl: `${issuerUrl}/jwks.json`,
    exchanges,
    signsIn: (subject) => {
      person = subject;
    },
    tokenFor: (subject) => issuer.sign(subject, 600),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, json: unknown): void {
  // The portal calls discovery and the token endpoint from the browser: CORS like a real provider.
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
  res.end(JSON.stringify(json));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
