/**
 * OpenID Connect authorisation code flow with PKCE (RFC 7636), as a public client. The
 * code verifier, state and nonce must survive the redirect to the issuer and back, so
 * they wait in sessionStorage (this tab only) and are removed on return; they are
 * worthless without the issuer's one-time code. The token itself is kept in memory only.
 */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly issuer: string;
  readonly clientId: string;
  /** The portal page to return to (path and query: ids and codes only). */
  readonly returnTo: string | null;
}

const PENDING_KEY = 'kring.oidc.pending';
export const CALLBACK_PATH = '/signin/callback';

export async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as Partial<Discovery> & { issuer?: string };
  if (document.issuer !== issuer || typeof document.authorization_endpoint !== 'string' || typeof document.token_endpoint !== 'string') {
    throw new Error('the discovery document does not describe this issuer');
  }
  return { authorization_endpoint: document.authorization_endpoint, token_endpoint: document.token_endpoint };
}

/** Sends the browser to the issuer; it comes back at CALLBACK_PATH with a code. */
export async function startSignIn(settings: OidcSettings, returnTo: string | null = null): Promise<void> {
  const discovery = await discover(settings.issuer);
  const verifier = randomString(32);
  // Only a path inside the portal, never a full URL: no open redirect through the state.
  const safeReturn = returnTo !== null && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : null;
  const pending: Pending = { verifier, state: randomString(16), nonce: randomString(16), issuer: settings.issuer, clientId: settings.clientId, returnTo: safeReturn };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On return from the issuer: checks the state, exchanges the code, and gives the access token. */
export async function finishSignIn(search: URLSearchParams): Promise<{ token: string; returnTo: string | null }> {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (stored === null) throw new Error('no sign-in was started in this tab');
  const pending = JSON.parse(stored) as Pending;
  if (search.get('error') !== null) throw new Error(`the issuer refused: ${search.get('error')}`);
  const code = search.get('code');
  if (code === null || search.get('state') !== pending.state) throw new Error('the answer does not belong to this sign-in');
  const discovery = await discover(pending.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string; id_token?: string };
  if (tokens.id_token !== undefined && nonceOf(tokens.id_token) !== pending.nonce) throw new Error('the ID token was not issued for this sign-in');
  if (typeof tokens.access_token !== 'string') throw new Error('no access token in the answer');
  return { token: tokens.access_token, returnTo: pending.returnTo };
}

function randomString(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The nonce claim only; the gateway verifies the access token's signature, not the portal. */
function nonceOf(idToken: string): string | null {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const nonce = (JSON.parse(json) as { nonce?: unknown }).nonce;
    return typeof nonce === 'string' ? nonce : null;
  } catch {
    return null;
  }
}
