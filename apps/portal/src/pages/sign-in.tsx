import { useEffect, useState } from 'react';
import { ApiError, graphql } from '../api/graphql';
import { gql } from '../api/generated';
import type { SignInOptionsQuery } from '../api/generated/graphql';
import { CALLBACK_PATH, finishSignIn, startSignIn } from '../api/oidc';
import { homeOf, useSession } from '../api/session';
import { asApiError, useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { Alert, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, Section } from '../ui';
import { ErrorAlert, usePageTitle } from '../ui/error-alert';

type SignInOptions = SignInOptionsQuery['signInOptions'];

interface Persona {
  readonly name: string;
  readonly kind: 'citizen' | 'professional';
  readonly description: string;
}

const OPTIONS = gql(`query SignInOptions { signInOptions { method issuer clientId scope } }`);

/** Sign-in: the demo personas in development, the configured OpenID Connect issuer in production. */
export function SignInPage() {
  const { t } = useI18n();
  const { expired } = useSession();
  usePageTitle(t('signIn.title'));
  const options = useApi(() => graphql(OPTIONS).then((d) => d.signInOptions), 'sign-in');
  return (
    <>
      <Heading level={1}>{t('signIn.title')}</Heading>
      <Paragraph lead>{t('app.tagline')}</Paragraph>
      {expired && <Alert type="warning">{t('signIn.expired')}</Alert>}
      <ErrorAlert error={options.error} />
      {options.data?.method === 'DEVELOPMENT_PERSONAS' && <PersonaPicker />}
      {options.data?.method === 'OPENID_CONNECT' && <OidcSignIn options={options.data} />}
      <Paragraph>
        <Link to="/sociale-kaart">{t('map.fromSignIn')}</Link>
      </Paragraph>
    </>
  );
}

/** After sign-in: the page that was asked for (a shared or bookmarked link), or the viewer's home. */
function returnPath(path: string, query: URLSearchParams): string | null {
  if (path === '/' || path === CALLBACK_PATH) return null;
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

function PersonaPicker() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { location, navigate } = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const personas = useApi(async () => {
    const response = await fetch('/dev/personas');
    if (!response.ok) throw new ApiError('SERVER', `personas: ${response.status}`);
    return (await response.json()) as Persona[];
  }, 'personas');

  const choose = async (persona: string) => {
    setBusy(persona);
    setError(null);
    try {
      const response = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
      if (!response.ok) throw new ApiError('SERVER', `token: ${response.status}`);
      const { token } = (await response.json()) as { token: string };
      const viewer = await signIn(token);
      navigate(returnPath(location.path, location.query) ?? homeOf(viewer), { replace: true });
    } catch (e) {
      setError(asApiError(e));
      setBusy(null);
    }
  };

  const group = (kind: Persona['kind'], id: string, title: string) => (
    <Section id={id} title={title}>
      <ul className="kring-persona-list">
        {(personas.data ?? [])
          .filter((p) => p.kind === kind)
          .map((p) => (
            <li key={p.name} className="kring-persona">
              <SecondaryActionButton type="button" onClick={() => void choose(p.name)} busy={busy === p.name} disabled={busy !== null} data-persona={p.name}>
                {t('signIn.as', { name: p.name })}
              </SecondaryActionButton>
              <span className="kring-persona__description">{p.description}</span>
            </li>
          ))}
      </ul>
    </Section>
  );

  return (
    <>
      <Heading level={2}>{t('signIn.devTitle')}</Heading>
      <Paragraph>{t('signIn.devIntro')}</Paragraph>
      <ErrorAlert error={personas.error ?? error} />
      {group('citizen', 'personas-citizens', t('signIn.citizens'))}
      {group('professional', 'personas-professionals', t('signIn.professionals'))}
    </>
  );
}

function OidcSignIn({ options }: { options: SignInOptions }) {
  const { t } = useI18n();
  const { location } = useRouter();
  const [failed, setFailed] = useState(false);
  if (options.clientId === null) return <Alert type="warning">{t('signIn.notConfigured')}</Alert>;
  const clientId = options.clientId;
  return (
    <>
      <Paragraph>{t('signIn.oidcIntro', { issuer: new URL(options.issuer).host })}</Paragraph>
      {failed && <Alert type="error">{t('signIn.failed')}</Alert>}
      <PrimaryActionButton
        type="button"
        onClick={() => {
          startSignIn({ issuer: options.issuer, clientId, scope: options.scope }, returnPath(location.path, location.query)).catch(() => setFailed(true));
        }}
      >
        {t('signIn.oidc')}
      </PrimaryActionButton>
    </>
  );
}

/** The issuer sends the browser back here with a code; exchange it and go home. */
export function SignInCallbackPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { location, navigate } = useRouter();
  const [failed, setFailed] = useState(false);
  usePageTitle(t('signIn.title'));
  useEffect(() => {
    let cancelled = false;
    finishSignIn(location.query)
      .then(async ({ token, returnTo }) => ({ viewer: await signIn(token), returnTo }))
      .then(({ viewer, returnTo }) => {
        if (!cancelled) navigate(returnTo ?? homeOf(viewer), { replace: true });
      })
      .catch(() => {
        if (!cancelled) {
          // The code is single-use: drop it from the address bar either way.
          window.history.replaceState(null, '', CALLBACK_PATH);
          setFailed(true);
        }
      });
    return () => {
      cancelled = true;
    };
    // Runs once, on arrival: the code can be exchanged only once.
  }, []);
  return (
    <>
      <Heading level={1}>{t('signIn.title')}</Heading>
      {failed ? (
        <>
          <Alert type="error">{t('signIn.failed')}</Alert>
          <PrimaryActionButton type="button" onClick={() => navigate('/', { replace: true })}>
            {t('signIn.oidc')}
          </PrimaryActionButton>
        </>
      ) : (
        <Paragraph>{t('signIn.busy')}</Paragraph>
      )}
    </>
  );
}
