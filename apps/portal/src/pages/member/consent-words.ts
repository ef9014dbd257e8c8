import type { Consent } from '../../api/fragments';
import type { Translate } from '../../i18n/i18n';
import { joinWords, labelOf, type Reach } from './member-family';

/** The recipient in words: the organisation's name, or every organisation of a domain. */
export function recipientOf(t: Translate, consent: Pick<Consent, 'recipientOrganisation' | 'recipientDomain'>, capitalised = false): string {
  if (consent.recipientOrganisation !== null) return consent.recipientOrganisation.name;
  const domain = consent.recipientDomain === null ? '' : labelOf(t, 'domain', consent.recipientDomain);
  return capitalised ? t('member.consents.recipientDomain', { domain }) : t('domainAll', { domain });
}

/** Who still has to sign, in words: "u", a name, or "een ouder met gezag" when the viewer may not see who. */
export function awaitingOf(t: Translate, consent: Pick<Consent, 'awaitingSignatureFrom' | 'subjectMemberId'>, reach: Reach): string | null {
  const ids = consent.awaitingSignatureFrom;
  if (ids.length === 0) return null;
  const parts: string[] = [];
  if (ids.includes(consent.subjectMemberId)) {
    parts.push(
      consent.subjectMemberId === reach.viewerId
        ? t('member.consents.awaitingYou')
        : t('member.consents.awaitingSubject', { name: reach.nameOf(consent.subjectMemberId) ?? t('common.unknownMember') }),
    );
  }
  // Anyone else the API names is a parent with authority; one of them suffices.
  const parents = ids.filter((id) => id !== consent.subjectMemberId);
  if (parents.length > 0) {
    const known = parents.flatMap((id) => (id === reach.viewerId ? [t('member.youLower')] : reach.nameOf(id) !== null ? [reach.nameOf(id) as string] : []));
    const unknown = parents.length - known.length;
    if (known.length === 0) parts.push(t('member.consents.awaitingParent'));
    else parts.push(t('member.consents.awaitingParentNamed', { names: joinWords(t, unknown > 0 ? [...known, t('member.anotherParent')] : known, 'member.or') }));
  }
  return joinWords(t, parts, 'member.and');
}
