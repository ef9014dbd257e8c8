import { useEffect } from 'react';
import { homeOf, SessionProvider, useSession } from './api/session';
import { CALLBACK_PATH } from './api/oidc';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Layout } from './layout';
import { OrganisationsPage } from './pages/admin/organisations';
import { ProfessionalsPage } from './pages/admin/professionals';
import { AccessLogPage } from './pages/officer/access-log';
import { BreakGlassQueuePage } from './pages/officer/break-glass-queue';
import { EraseFamilyPage } from './pages/officer/erase-family';
import { EscalationFiguresPage } from './pages/officer/escalation-figures';
import { ShieldingsPage } from './pages/officer/shieldings';
import { CASE_DIRECTOR_REQUESTS, EscalationQueuePage } from './pages/professional/escalation-queue';
import { FamiliesPage } from './pages/professional/families';
import { FamilyFilePage } from './pages/professional/family-file';
import { MyConsentsPage } from './pages/member/my-consents';
import { MyLogPage } from './pages/member/my-log';
import { MyMessagesPage } from './pages/member/my-messages';
import { MyThreadPage } from './pages/member/my-thread';
import { MyOurStoryPage } from './pages/member/my-our-story';
import { MyRecordsPage } from './pages/member/my-records';
import { OurEscalationsPage } from './pages/member/our-escalations';
import { OurPlanPage } from './pages/member/our-plan';
import { SignInCallbackPage, SignInPage } from './pages/sign-in';
import { ServicePage } from './pages/social-map/service-page';
import { SocialMapPage } from './pages/social-map/social-map';
import { IncomingReferralsPage } from './pages/referral/incoming-referrals';
import { RouterProvider, useRouter } from './router';
import { Alert, Heading } from './ui';
import { usePageTitle } from './ui/error-alert';

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Layout>
            <Routes />
          </Layout>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** Which page a path shows, given who is signed in. Anything unknown is "not found". */
function Routes() {
  const { viewer, hasRole } = useSession();
  const { location, navigate } = useRouter();
  const path = location.path;

  // Moves focus to the new page's content, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  useEffect(() => {
    if (viewer !== null && (path === '/' || path === CALLBACK_PATH)) navigate(homeOf(viewer), { replace: true });
  }, [viewer, path, navigate]);

  // The social map is public: the same page whether or not someone is signed in.
  if (path === '/sociale-kaart') return <SocialMapPage />;
  const service = /^\/sociale-kaart\/([0-9a-f-]{36})$/i.exec(path);
  if (service !== null) return <ServicePage serviceId={service[1] as string} />;

  if (viewer === null) return path === CALLBACK_PATH ? <SignInCallbackPage /> : <SignInPage />;
  if (path === '/' || path === CALLBACK_PATH) return null; // on the way home (the effect above)

  if (viewer.kind === 'FAMILY_MEMBER') {
    if (path === '/me/records') return <MyRecordsPage />;
    if (path === '/me/our-story') return <MyOurStoryPage />;
    if (path === '/me/plan') return <OurPlanPage />;
    if (path === '/me/consents') return <MyConsentsPage />;
    if (path === '/me/log') return <MyLogPage />;
    if (path === '/me/escalations') return <OurEscalationsPage />;
    if (path === '/me/messages') return <MyMessagesPage />;
    const thread = /^\/me\/messages\/([0-9a-f-]{36})$/i.exec(path);
    if (thread !== null) return <MyThreadPage key={thread[1]} threadId={thread[1] as string} />;
  } else {
    const family = /^\/families\/([0-9a-f-]{36})$/i.exec(path);
    if (hasRole('PROFESSIONAL', 'TEAM_LEAD')) {
      if (path === '/families') return <FamiliesPage />;
      if (family !== null) return <FamilyFilePage familyId={family[1] as string} />;
      if (path === '/referrals') return <IncomingReferralsPage />;
    }
    if (path === '/escalations' && hasRole('TEAM_LEAD')) return <EscalationQueuePage />;
    // The requests for another case director are escalations now: the old page's address opens the queue, filtered to them.
    if (path === '/case-director-requests' && hasRole('TEAM_LEAD')) return <Redirect to={CASE_DIRECTOR_REQUESTS} />;
    if (path === '/escalation-figures' && hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) return <EscalationFiguresPage />;
    if (path === '/access-log' && hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) return <AccessLogPage />;
    if (path === '/shieldings' && hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) return <ShieldingsPage />;
    if (path === '/break-glass' && hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) return <BreakGlassQueuePage />;
    if (path === '/erase-family' && hasRole('CHAIN_PRIVACY_OFFICER')) return <EraseFamilyPage />;
    if (path === '/organisations' && hasRole('ADMIN')) return <OrganisationsPage />;
    if (path === '/professionals' && hasRole('ADMIN')) return <ProfessionalsPage />;
  }
  return <NotFound />;
}

/** Replaces the address with another, as a server's redirect would (the old one stays out of the history). */
function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('app.notFound'));
  return (
    <>
      <Heading level={1}>{t('app.notFound')}</Heading>
      <Alert type="info">{t('app.notFound')}</Alert>
    </>
  );
}
