import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import * as administration from './administration';
import * as breakGlass from './break-glass';
import * as circle from './circle';
import * as common from './common';
import * as escalation from './escalation';
import * as member from './member';
import * as messages from './messages';
import * as officer from './officer';
import * as ourStory from './our-story';
import * as plan from './plan';
import * as professional from './professional';
import * as referral from './referral';
import * as socialMap from './social-map';

const NL = { ...common.nl, ...member.nl, ...professional.nl, ...officer.nl, ...circle.nl, ...ourStory.nl, ...plan.nl, ...escalation.nl, ...messages.nl, ...socialMap.nl, ...administration.nl, ...referral.nl, ...breakGlass.nl };
const EN: Record<MessageKey, string> = { ...common.en, ...member.en, ...professional.en, ...officer.en, ...circle.en, ...ourStory.en, ...plan.en, ...escalation.en, ...messages.en, ...socialMap.en, ...administration.en, ...referral.en, ...breakGlass.en };

export type MessageKey = keyof typeof NL;
export type Language = 'nl' | 'en';
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const STORAGE_KEY = 'kring.language';

interface I18n {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
  /** Dates and times as people in the Netherlands read them, in the chosen language. */
  readonly formatDate: (value: string | Date) => string;
  readonly formatDateTime: (value: string | Date) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Dutch unless the person chose English before (a preference, not personal data). */
function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary: Record<string, string> = language === 'nl' ? NL : EN;
    const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
    const asDate = (v: string | Date) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00Z`) : new Date(v));
    return {
      language,
      setLanguage,
      t: (key, values) => {
        const template = dictionary[key] ?? key;
        return values === undefined ? template : template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
      },
      formatDate: (v) => dateFormat.format(asDate(v)),
      formatDateTime: (v) => dateTimeFormat.format(asDate(v)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
