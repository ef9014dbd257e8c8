import type { ReactNode } from 'react';
import { useSession } from './api/session';
import { type MessageKey, useI18n } from './i18n/i18n';
import { Link, useRouter } from './router';
import { SubtleButton } from './ui';
import { useUnreadMessages } from './pages/messages/unread';

interface NavItem {
  readonly to: string;
  readonly label: MessageKey;
  /** Something new behind the item (unread messages), said in words after its name. */
  readonly count?: number | null;
}

/** The frame of every page: skip link, header with menu and language, main content, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { viewer, signOut, hasRole } = useSession();
  const { location, navigate } = useRouter();
  const unread = useUnreadMessages(viewer?.member?.id ?? null);

  const items: NavItem[] = [];
  if (viewer?.kind === 'FAMILY_MEMBER') {
    items.push({ to: '/me/records', label: 'nav.myRecords' }, { to: '/me/plan', label: 'nav.ourPlan' }, { to: '/me/our-story', label: 'nav.ourStory' }, { to: '/me/consents', label: 'nav.myConsents' }, { to: '/me/log', label: 'nav.myLog' });
    items.push({ to: '/me/escalations', label: 'nav.ourEscalations' });
    items.push({ to: '/me/messages', label: 'nav.messages', count: unread });
  }
  if (viewer?.kind === 'PROFESSIONAL') {
    if (hasRole('PROFESSIONAL', 'TEAM_LEAD')) items.push({ to: '/families', label: 'nav.families' }, { to: '/referrals', label: 'nav.incomingReferrals' });
    if (hasRole('TEAM_LEAD')) items.push({ to: '/escalations', label: 'nav.escalationQueue' });
    if (hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) items.push({ to: '/access-log', label: 'nav.accessLog' }, { to: '/break-glass', label: 'nav.breakGlass' }, { to: '/shieldings', label: 'nav.shieldings' });
    if (hasRole('PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER')) items.push({ to: '/escalation-figures', label: 'nav.escalationFigures' });
    if (hasRole('CHAIN_PRIVACY_OFFICER')) items.push({ to: '/erase-family', label: 'nav.eraseFamily' });
    if (hasRole('ADMIN')) items.push({ to: '/organisations', label: 'nav.organisations' }, { to: '/professionals', label: 'nav.professionals' });
  }
  if (viewer !== null) items.push({ to: '/sociale-kaart', label: 'nav.socialMap' });
  const name = viewer?.member?.name ?? (viewer?.professional ? `${viewer.professional.name}, ${viewer.professional.organisation.name}` : null);

  return (
    <div className="utrecht-page kring-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="utrecht-page-header kring-header">
        <div className="utrecht-page-header__content kring-header__content">
          <span className="kring-logo">{t('app.name')}</span>
          {name !== null && <span className="kring-header__who">{t('app.signedInAs', { name })}</span>}
          <span className="kring-header__actions">
            <SubtleButton type="button" lang={language === 'nl' ? 'en' : 'nl'} aria-label={t('app.languageLabel')} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
              {t('app.language')}
            </SubtleButton>
            {viewer !== null && (
              <SubtleButton
                type="button"
                onClick={() => {
                  signOut();
                  navigate('/', { replace: true });
                }}
              >
                {t('app.signOut')}
              </SubtleButton>
            )}
          </span>
        </div>
        {items.length > 0 && (
          <nav className="utrecht-nav-bar kring-nav" aria-label={t('app.mainNav')}>
            <div className="utrecht-nav-bar__content">
              <ul className="utrecht-nav-list">
                {items.map((item) => {
                  const current = location.path === item.to || location.path.startsWith(`${item.to}/`);
                  return (
                    <li className="utrecht-nav-list__item" key={item.to}>
                      <Link to={item.to} current={current} className="utrecht-nav-list__link">
                        {t(item.label)}
                        {item.count != null && item.count > 0 && <span className="kring-nav-count">{t('messages.nav.unread', { count: item.count })}</span>}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="utrecht-page-content kring-main">
        {children}
      </main>
      <footer className="utrecht-page-footer kring-footer">
        <div className="utrecht-page-footer__content">
          <p className="utrecht-paragraph">{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
