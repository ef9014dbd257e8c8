import { useEffect } from 'react';
import type { ApiError } from '../api/graphql';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { Alert } from './index';

const KNOWN = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'PURPOSE_REQUIRED', 'UNKNOWN_PURPOSE', 'CONSENT_CAPACITY', 'AUDIT_UNAVAILABLE', 'RATE_LIMITED', 'NETWORK', 'SERVER']);

/** An API error in plain words, by its `extensions.code`; the code itself stays visible for support. */
export function ErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  const text = KNOWN.has(error.code) ? t(`error.${error.code}` as MessageKey) : t('error.other', { code: error.code });
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">
        {text} <span className="kring-error-code">({error.code})</span>
      </p>
    </Alert>
  );
}

/** Sets the browser tab's title, so every page is told apart (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Kring`;
  }, [title]);
}
