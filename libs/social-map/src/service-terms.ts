import { ALL_DOMAINS, type Domain } from '@kring/identity';
import { isKnownMunicipality } from './municipalities';
import {
  type AccessRoute,
  ALL_PROBLEMS,
  CONTACT_FIELD_LENGTH,
  MAX_MUNICIPALITIES,
  type ProblemCode,
  SERVICE_AGE,
  SERVICE_DESCRIPTION_LENGTH,
  SERVICE_NAME_LENGTH,
} from './social-map-vocabulary';

/** What a professional writes about a service, as the API takes it (publishing, or changing it whole). */
export interface ServiceTermsRequest {
  readonly name: string;
  readonly description: string;
  readonly domain: Domain;
  readonly ageFrom?: number | null;
  readonly ageTo?: number | null;
  readonly problems: readonly ProblemCode[];
  readonly municipalityCodes: readonly string[];
  readonly accessRoute: AccessRoute;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly website?: string | null;
  readonly address?: string | null;
}

/** The terms as stored: texts trimmed, lists without repeats and sorted, empty contact fields null. */
export interface ServiceTerms {
  readonly name: string;
  readonly description: string;
  readonly domain: Domain;
  readonly ageFrom: number | null;
  readonly ageTo: number | null;
  readonly problems: ProblemCode[];
  readonly municipalityCodes: string[];
  readonly accessRoute: AccessRoute;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly address: string | null;
}

/** Why terms are refused, and the input field that is wrong (the API's `extensions.field`). */
export type ServiceTermsRefusal =
  | { readonly reason: 'NAME_LENGTH' | 'DESCRIPTION_LENGTH'; readonly field: 'name' | 'description' }
  | { readonly reason: 'UNKNOWN_DOMAIN'; readonly field: 'domain' }
  | { readonly reason: 'AGE_OUT_OF_RANGE'; readonly field: 'ageFrom' | 'ageTo' }
  | { readonly reason: 'AGES_OUT_OF_ORDER'; readonly field: 'ageTo' }
  | { readonly reason: 'NO_PROBLEMS' | 'UNKNOWN_PROBLEM'; readonly field: 'problems' }
  | { readonly reason: 'NO_MUNICIPALITIES' | 'TOO_MANY_MUNICIPALITIES' | 'UNKNOWN_MUNICIPALITY'; readonly field: 'municipalityCodes' }
  | { readonly reason: 'NO_CONTACT'; readonly field: 'contact' }
  | { readonly reason: 'CONTACT_FIELD_LENGTH' | 'CONTACT_FIELD_FORM'; readonly field: 'phone' | 'email' | 'website' | 'address' };

export type ServiceTermsDecision = { readonly ok: true; readonly terms: ServiceTerms } | { readonly ok: false; readonly refusal: ServiceTermsRefusal };

const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Checks what a professional wrote about a service: lengths, ages, known problems and municipalities, a way to reach it, each contact field in its form. */
export function checkServiceTerms(request: ServiceTermsRequest): ServiceTermsDecision {
  const refuse = (refusal: ServiceTermsRefusal): ServiceTermsDecision => ({ ok: false, refusal });
  const name = request.name.trim();
  const description = request.description.trim();
  if (!within([...name].length, SERVICE_NAME_LENGTH)) return refuse({ reason: 'NAME_LENGTH', field: 'name' });
  if (!within([...description].length, SERVICE_DESCRIPTION_LENGTH)) return refuse({ reason: 'DESCRIPTION_LENGTH', field: 'description' });
  if (!ALL_DOMAINS.includes(request.domain)) return refuse({ reason: 'UNKNOWN_DOMAIN', field: 'domain' });
  const ageFrom = request.ageFrom ?? null;
  const ageTo = request.ageTo ?? null;
  if (ageFrom !== null && !isAge(ageFrom)) return refuse({ reason: 'AGE_OUT_OF_RANGE', field: 'ageFrom' });
  if (ageTo !== null && !isAge(ageTo)) return refuse({ reason: 'AGE_OUT_OF_RANGE', field: 'ageTo' });
  if (ageFrom !== null && ageTo !== null && ageFrom > ageTo) return refuse({ reason: 'AGES_OUT_OF_ORDER', field: 'ageTo' });
  if (request.problems.length === 0) return refuse({ reason: 'NO_PROBLEMS', field: 'problems' });
  if (request.problems.some((p) => !ALL_PROBLEMS.includes(p))) return refuse({ reason: 'UNKNOWN_PROBLEM', field: 'problems' });
  const municipalityCodes = [...new Set(request.municipalityCodes.map((c) => c.trim().toUpperCase()))].sort();
  if (municipalityCodes.length === 0) return refuse({ reason: 'NO_MUNICIPALITIES', field: 'municipalityCodes' });
  if (municipalityCodes.length > MAX_MUNICIPALITIES) return refuse({ reason: 'TOO_MANY_MUNICIPALITIES', field: 'municipalityCodes' });
  if (!municipalityCodes.every(isKnownMunicipality)) return refuse({ reason: 'UNKNOWN_MUNICIPALITY', field: 'municipalityCodes' });
  const contact = { phone: blankAsNull(request.phone), email: blankAsNull(request.email), website: blankAsNull(request.website), address: blankAsNull(request.address) };
  for (const field of ['phone', 'email', 'website', 'address'] as const) {
    const value = contact[field];
    if (value === null) continue;
    if ([...value].length > CONTACT_FIELD_LENGTH) return refuse({ reason: 'CONTACT_FIELD_LENGTH', field });
    if (!hasItsForm(field, value)) return refuse({ reason: 'CONTACT_FIELD_FORM', field });
  }
  if (Object.values(contact).every((v) => v === null)) return refuse({ reason: 'NO_CONTACT', field: 'contact' });
  const problems = [...new Set(request.problems)].sort();
  return { ok: true, terms: { name, description, domain: request.domain, ageFrom, ageTo, problems, municipalityCodes, accessRoute: request.accessRoute, ...contact } };
}

function within(length: number, bounds: { readonly min: number; readonly max: number }): boolean {
  return length >= bounds.min && length <= bounds.max;
}

function isAge(age: number): boolean {
  return Number.isInteger(age) && age >= SERVICE_AGE.min && age <= SERVICE_AGE.max;
}

function blankAsNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function hasItsForm(field: 'phone' | 'email' | 'website' | 'address', value: string): boolean {
  switch (field) {
    case 'phone':
      return PHONE.test(value);
    case 'email':
      return EMAIL.test(value);
    case 'website':
      return isWebAddress(value);
    case 'address':
      return true;
  }
}

/** An http(s) address with a host: what a visitor's browser can open; no `javascript:` or `data:` links on a public page. */
function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
}
