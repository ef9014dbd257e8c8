import { ALL_DOMAINS, ALL_ROLES, type Domain, type ProfessionalRole } from './domain';

/*
 * The rules for registering the chain's organisations and professionals (DESIGN.md §9,
 * administration). Pure: the gateway's administration and the demo world's seed both ask
 * them before the directory writer stores anything, so the demo's directory is registered
 * the way an administrator's is.
 */

/** An organisation's or a professional's name: what a family reads, so plain and bounded. */
export const DIRECTORY_NAME_LENGTH = { min: 2, max: 200 } as const;
/** A professional's work contact (phone, e-mail), in the organisation's words. */
export const CONTACT_LENGTH = { min: 1, max: 300 } as const;
/** The identity broker's subject (`sub`) a professional signs in with. */
export const SUBJECT_LENGTH = { min: 1, max: 255 } as const;

export type OrganisationRegistrationRefusal = 'NAME_LENGTH' | 'UNKNOWN_DOMAIN' | 'REGISTRATION_NUMBER_REQUIRED' | 'OIN_FORMAT' | 'KVK_FORMAT';
export type ProfessionalRegistrationRefusal = 'NAME_LENGTH' | 'NO_ROLES' | 'UNKNOWN_ROLE' | 'CONTACT_LENGTH' | 'SUBJECT_FORMAT';
export type RolesRefusal = 'NO_ROLES' | 'UNKNOWN_ROLE';

export type Registration<Draft, Refusal> = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly refusal: Refusal };

export interface OrganisationDraft {
  readonly name: string;
  readonly domain: Domain;
  /** Organisatie-identificatienummer (Logius): 20 digits; null when the KvK number identifies it. */
  readonly oin: string | null;
  /** Kamer van Koophandel number: 8 digits; null when the OIN identifies it. */
  readonly kvkNumber: string | null;
}

export interface ProfessionalDraft {
  readonly name: string;
  readonly roles: ProfessionalRole[];
  readonly contact: string | null;
  /** Null: development tokens, whose subject is the professional's id (DirectoryWriter). */
  readonly subject: string | null;
}

// Control characters and the Unicode line/paragraph separators: a name or contact is one line.
// eslint-disable-next-line no-control-regex
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * An organisation joining the chain: its name, domain, and the number that identifies it in
 * the Dutch registers: the OIN (government bodies, and anyone on Digikoppeling) or the KvK
 * number. One of the two is required; both may be given. Formats only: whether the number is
 * in the register is the administrator's to check, as it is on paper today.
 */
export function organisationRegistration(input: {
  readonly name: string;
  readonly domain: string;
  readonly oin?: string | null;
  readonly kvkNumber?: string | null;
}): Registration<OrganisationDraft, OrganisationRegistrationRefusal> {
  const name = oneLine(input.name);
  if (name === null || !within(name, DIRECTORY_NAME_LENGTH)) return refused('NAME_LENGTH');
  if (!(ALL_DOMAINS as readonly string[]).includes(input.domain)) return refused('UNKNOWN_DOMAIN');
  const oin = blankAsNull(input.oin);
  const kvkNumber = blankAsNull(input.kvkNumber);
  if (oin === null && kvkNumber === null) return refused('REGISTRATION_NUMBER_REQUIRED');
  if (oin !== null && !isOin(oin)) return refused('OIN_FORMAT');
  if (kvkNumber !== null && !/^[0-9]{8}$/.test(kvkNumber)) return refused('KVK_FORMAT');
  return { ok: true, draft: { name, domain: input.domain as Domain, oin, kvkNumber } };
}

/** A professional of a registered organisation: name, roles, work contact, and the broker's subject. */
export function professionalRegistration(input: {
  readonly name: string;
  readonly roles: readonly string[];
  readonly contact?: string | null;
  readonly subject?: string | null;
}): Registration<ProfessionalDraft, ProfessionalRegistrationRefusal> {
  const name = oneLine(input.name);
  if (name === null || !within(name, DIRECTORY_NAME_LENGTH)) return refused('NAME_LENGTH');
  const roles = roleSet(input.roles);
  if (!roles.ok) return roles;
  const contactText = blankAsNull(input.contact);
  const contact = contactText === null ? null : oneLine(contactText);
  if (contactText !== null && (contact === null || !within(contact, CONTACT_LENGTH))) return refused('CONTACT_LENGTH');
  const subject = input.subject === undefined || input.subject === null ? null : input.subject;
  // The broker's identifier as it sends it: no spaces or control characters to trim or guess at.
  if (subject !== null && (!within(subject, SUBJECT_LENGTH) || !/^[\x21-\x7e]+$/.test(subject))) return refused('SUBJECT_FORMAT');
  return { ok: true, draft: { name, roles: roles.draft, contact, subject } };
}

/** A professional's roles: at least one, each known, each once (in the table's order). */
export function roleSet(roles: readonly string[]): Registration<ProfessionalRole[], RolesRefusal> {
  if (roles.length === 0) return refused('NO_ROLES');
  if (!roles.every((role) => (ALL_ROLES as readonly string[]).includes(role))) return refused('UNKNOWN_ROLE');
  return { ok: true, draft: ALL_ROLES.filter((role) => roles.includes(role)) };
}

/**
 * The OIN's shape (Logius, *OIN-stelsel*): 20 digits, a prefix of eight naming the register it
 * derives from, never all zeros.
 */
function isOin(value: string): boolean {
  return /^[0-9]{20}$/.test(value) && !/^0+$/.test(value);
}

function oneLine(text: string): string | null {
  const trimmed = text.normalize('NFC').trim();
  return NOT_ONE_LINE.test(trimmed) ? null : trimmed;
}

function blankAsNull(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Length in code points, as a person counts characters. */
function within(text: string, bounds: { readonly min: number; readonly max: number }): boolean {
  const length = [...text].length;
  return length >= bounds.min && length <= bounds.max;
}

function refused<Refusal>(refusal: Refusal): { readonly ok: false; readonly refusal: Refusal } {
  return { ok: false, refusal };
}
