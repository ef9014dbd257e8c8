import fc from 'fast-check';
import { ALL_DATA_CATEGORIES, DataCategory, SECTION_TYPES } from '@kring/family-file';
import { ALL_DOMAINS, type Domain } from '@kring/identity';

/**
 * The shape of a generated world, before it meets real ids: indexes into the
 * fixed organisations and the family's members, and times relative to the
 * clock. Small numbers shrink well; `materializeWorld` turns a spec into data.
 */
export interface WorldSpec {
  readonly clock: { readonly day: string; readonly minuteOfDay: number; readonly millisecond: number };
  readonly callerOrganisation: number;
  readonly registeredBy: OrganisationPick;
  readonly members: readonly MemberSpec[];
  /** Index `adult * MAX_MEMBERS + child`: whether that adult holds authority over that minor (ignored unless adult and minor). */
  readonly authority: readonly boolean[];
  /** An involvement of the caller's organisation that is active today, when not null. */
  readonly callerInvolvement: Omit<InvolvementSpec, 'organisation'> | null;
  readonly involvements: readonly InvolvementSpec[];
  readonly records: readonly RecordSpec[];
  readonly consents: readonly ConsentSpec[];
  readonly purpose: PurposeSpec;
  readonly planItems: readonly PlanItemSpec[];
  readonly threads: readonly ThreadSpec[];
  readonly breakGlass: readonly BreakGlassSpec[];
}

/** An emergency grant on the family by an organisation's professional, opened some minutes before the read, for up to four hours. */
export interface BreakGlassSpec {
  readonly organisation: OrganisationPick;
  readonly categories: 'all' | readonly DataCategory[];
  readonly openedMinutesAgo: number;
  readonly durationMinutes: number;
}

/** A message thread: who takes part (indexes into the world's involvements; the caller's own or not), what it is about, what was said. */
export interface ThreadSpec {
  /** The read's purpose when the caller's domain may use it, else a purpose of the catalogue by index; or CHILD_PROTECTION (where emergency grants count). */
  readonly purpose: { readonly kind: 'requested' } | { readonly kind: 'catalogue'; readonly index: number } | { readonly kind: 'childProtection' };
  /**
   * Started this many days before the read (0: within the hour before it): consents, involvements
   * and ages move on after the start. Or about a member who turned 16 in the 400 days before the
   * read, the evening before their birthday (else a day before the read): their parents' reach
   * changed since.
   */
  readonly startedDaysAgo: number | 'beforeSixteenthBirthday';
  /** Index into THREAD_CATEGORIES, or the first such category of a consent to the caller for the purpose, when there is one. */
  readonly category: { readonly kind: 'index'; readonly index: number } | { readonly kind: 'consented' };
  readonly subjects: readonly number[];
  readonly callerTakesPart: boolean;
  /** Indexes into the world's involvements. */
  readonly others: readonly number[];
  /** Members (by index) who joined; or everyone it may not be kept from on the day it started. */
  readonly joined: readonly number[] | 'entitled';
  /** Each message's author: a professional participant or a member who joined, by index; and whether its author withdrew it since. */
  readonly messages: readonly { readonly byMember: boolean; readonly index: number; readonly withdrawn: boolean }[];
}

export type OrganisationPick = { readonly kind: 'caller' } | { readonly kind: 'registrar' } | { readonly kind: 'organisation'; readonly index: number };

export interface MemberSpec {
  /** Orders the member ids (the rule visits subjects in ascending id order). */
  readonly rank: number;
  readonly age: number;
  /** Days added to the date exactly `age` years before the clock's date: ages cross their boundaries around 0. */
  readonly shiftDays: number;
  /** Born on 29 February of a leap year near the target age instead. */
  readonly leapDayBirth: boolean;
  readonly relationPick: number;
}

export interface InvolvementSpec {
  readonly organisation: number;
  readonly startOffsetDays: number;
  readonly endOffsetDays: number | null;
  readonly caseDirection: boolean;
}

export interface RecordSpec {
  readonly sectionType: number;
  readonly subjects: readonly number[];
  /** Who wrote an organisation's section. */
  readonly source: OrganisationPick;
  /** Who wrote a section the family writes (our story): a member, by index. */
  readonly author: number;
  /** A story is written this many times (each version replaces the one before); an organisation's record once. */
  readonly versions: number;
  readonly fieldMask: readonly boolean[];
  readonly valueSeed: number;
}

export type RecipientSpec =
  | { readonly kind: 'callerOrganisation' }
  | { readonly kind: 'callerDomain' }
  | { readonly kind: 'organisation'; readonly index: number }
  | { readonly kind: 'domain'; readonly domain: Domain };

export type SignerSpec = { readonly kind: 'subject' } | { readonly kind: 'holder'; readonly which: number } | { readonly kind: 'member'; readonly index: number };

export interface SignatureSpec {
  readonly signer: SignerSpec;
  readonly anchor: 'clock' | 'validFrom' | 'twelfthBirthday' | 'sixteenthBirthday';
  readonly offsetMinutes: number;
}

export interface ConsentSpec {
  readonly subject: number;
  readonly recipient: RecipientSpec;
  readonly categories: 'all' | readonly DataCategory[];
  readonly purposes: { readonly requested: boolean; readonly others: readonly number[] };
  readonly validFromOffsetMinutes: number;
  readonly durationMinutes: number;
  readonly revokedOffsetMinutes: number | null;
  readonly signatures: readonly SignatureSpec[];
}

/** A plan item: written by the family or by an organisation involved with it, perhaps changed once, perhaps shown to the family. */
export interface PlanItemSpec {
  /** Index into the kinds its writer writes (the family: words, goals, actions; an organisation: goals, actions, the review date). */
  readonly kind: number;
  /** Its subjects: members by index, every member of the family, or the subjects of some of the world's consents (those that share the plan with the caller, if any), so that consent decides often. */
  readonly subjects: { readonly kind: 'members'; readonly indexes: readonly number[] } | { readonly kind: 'everyone' } | { readonly kind: 'consented'; readonly consents: readonly number[] };
  /** Index into PLAN_CATEGORIES. */
  readonly category: number;
  /** The family (author: an index among the subjects and their parents with authority), or the organisation of one of the world's involvements. */
  readonly source: { readonly kind: 'family'; readonly author: number } | { readonly kind: 'organisation'; readonly involvement: number };
  /** Who carries out a family's action: a member (index), or a person of the family's network (null). */
  readonly actorMember: number | null;
  /** A second version: a new category (index) or the same (null), by whom (as `author`). */
  readonly change: { readonly category: number | null; readonly author: number } | null;
  /**
   * The consent each subject gave the caller to share the plan for the read's purpose, signed by
   * the subject and a parent with authority a day before the read: for the plan alone, or for
   * the category the item touches too. Null: none besides the world's own consents.
   */
  readonly sharedWithCaller: { readonly withCategory: boolean } | null;
  /** Who chose to show it to the whole family: everyone whose say counts for each subject, or some picks. */
  readonly showing: 'everyone concerned' | readonly ShowingSpec[];
  readonly seed: number;
}

export type ShowingSpec =
  | { readonly kind: 'subject'; readonly which: number }
  | { readonly kind: 'holder'; readonly subject: number; readonly which: number }
  | { readonly kind: 'member'; readonly index: number };

/** What a plan item may touch besides the plan itself, SHARED_PLAN most often (never who someone is, or their BSN). */
export const PLAN_CATEGORIES: readonly DataCategory[] = [
  DataCategory.SHARED_PLAN,
  DataCategory.SHARED_PLAN,
  DataCategory.SHARED_PLAN,
  DataCategory.FINANCES,
  DataCategory.CARE_TRAJECTORY,
  DataCategory.WORK_PARTICIPATION,
  DataCategory.HEALTH,
  DataCategory.HOUSEHOLD,
];

export type PurposeSpec =
  | { readonly kind: 'usableByCaller'; readonly index: number }
  | { readonly kind: 'anyInCatalogue'; readonly index: number }
  | { readonly kind: 'unknown'; readonly code: string };

export const MAX_MEMBERS = 6;
const DAY = 24 * 60;
const FIRST_CLOCK_DAY = Date.UTC(2022, 0, 1);
const LAST_CLOCK_DAY = Date.UTC(2032, 11, 31);

const clockDay = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: (LAST_CLOCK_DAY - FIRST_CLOCK_DAY) / 86_400_000 }).map((d) => new Date(FIRST_CLOCK_DAY + d * 86_400_000).toISOString().slice(0, 10)) },
  // Days where calendars bite: around 29 February, the summer-time switches, the turn of the year.
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 2022, max: 2032 }), fc.constantFrom('02-28', '02-29', '03-01', 'summer-time-starts', 'summer-time-ends', '12-31', '01-01'))
      .map(([year, day]) => specialDay(year, day)),
  },
);

function specialDay(year: number, day: string): string {
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return new Date(last.getTime() - last.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
  };
  if (day === 'summer-time-starts') return lastSunday(2);
  if (day === 'summer-time-ends') return lastSunday(9);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day === '02-29' && !leap) return `${year}-02-28`;
  return `${year}-${day}`;
}

// Local minutes near midnight put the UTC date and the Amsterdam date apart.
const minuteOfDay = fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: DAY - 1 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 59, 60, 61, 119, 120, 121, 1380, 1381, 1438, 1439) });

const age = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(11, 12, 15, 16, 17) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 17 }) },
  { weight: 3, arbitrary: fc.integer({ min: 18, max: 70 }) },
);

const memberSpec: fc.Arbitrary<MemberSpec> = fc.record({
  rank: fc.nat(15),
  age,
  shiftDays: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(-1, 0, 1) }, { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: -200, max: 200 }) }),
  leapDayBirth: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  relationPick: fc.nat(1),
});

const organisationIndex = (count: number) => fc.nat(count - 1);

const organisationPick = (count: number): fc.Arbitrary<OrganisationPick> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'caller' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'registrar' as const }) },
    { weight: 3, arbitrary: organisationIndex(count).map((index) => ({ kind: 'organisation' as const, index })) },
  );

const involvementSpec = (count: number): fc.Arbitrary<InvolvementSpec> =>
  fc.record({
    organisation: organisationIndex(count),
    // Some began long ago, so threads started months before the read had someone to take part.
    startOffsetDays: fc.constantFrom(-800, -400, -30, -1, 0, 1, 30),
    endOffsetDays: fc.option(fc.constantFrom(-30, -1, 0, 1, 30, 400), { nil: null, freq: 3 }),
    caseDirection: fc.boolean(),
  });

const activeInvolvementSpec: fc.Arbitrary<Omit<InvolvementSpec, 'organisation'>> = fc.record({
  startOffsetDays: fc.constantFrom(-800, -400, -30, -1, 0),
  endOffsetDays: fc.option(fc.constantFrom(1, 30, 400), { nil: null, freq: 2 }),
  caseDirection: fc.boolean(),
});

const recordSpec = (count: number): fc.Arbitrary<RecordSpec> =>
  fc.record({
    sectionType: fc.nat(SECTION_TYPES.length - 1),
    subjects: fc.uniqueArray(fc.nat(MAX_MEMBERS - 1), { minLength: 1, maxLength: 3 }),
    source: organisationPick(count),
    author: fc.nat(MAX_MEMBERS - 1),
    versions: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max: 3 }) }),
    fieldMask: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    valueSeed: fc.nat(99_999),
  });

const recipientSpec = (count: number): fc.Arbitrary<RecipientSpec> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant({ kind: 'callerOrganisation' as const }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'callerDomain' as const }) },
    { weight: 2, arbitrary: organisationIndex(count).map((index) => ({ kind: 'organisation' as const, index })) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_DOMAINS).map((domain) => ({ kind: 'domain' as const, domain })) },
  );

const signatureSpec: fc.Arbitrary<SignatureSpec> = fc.record({
  signer: fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'subject' as const }) },
    { weight: 4, arbitrary: fc.nat(1).map((which) => ({ kind: 'holder' as const, which })) },
    { weight: 1, arbitrary: fc.nat(MAX_MEMBERS - 1).map((index) => ({ kind: 'member' as const, index })) },
  ),
  anchor: fc.oneof(
    { weight: 2, arbitrary: fc.constant('clock' as const) },
    { weight: 1, arbitrary: fc.constant('validFrom' as const) },
    { weight: 2, arbitrary: fc.constantFrom('twelfthBirthday' as const, 'sixteenthBirthday' as const) },
  ),
  // Minutes after an Amsterdam midnight (1 to 119) are still the day before in UTC: a birthday's date differs by calendar.
  offsetMinutes: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(-400 * DAY, -30 * DAY, -DAY, -61, -1, 0) },
    { weight: 2, arbitrary: fc.constantFrom(1, 30, 59, 61, 119, 121, DAY, 30 * DAY) },
  ),
});

const nearMidnight = fc.constantFrom(-30 * DAY, -DAY, -61, -1, 0, 1, 30, 59, 61, 119, 121);
const holder = { kind: 'holder' as const, which: 0 };
const subject = { kind: 'subject' as const };

/** Signatures as families give them around a birthday, so capacity crosses its boundaries often. */
const signaturesAroundABirthday: fc.Arbitrary<SignatureSpec[]> = fc.oneof(
  // A parent alone, before the child turns 12: lapses at 12.
  nearMidnight.map((offsetMinutes) => [{ signer: holder, anchor: 'twelfthBirthday' as const, offsetMinutes }]),
  // Child and parent around the 12th birthday: enough from 12 on, and from 16 (the child signed).
  fc.tuple(nearMidnight, nearMidnight).map(([a, b]) => [
    { signer: holder, anchor: 'twelfthBirthday' as const, offsetMinutes: a },
    { signer: subject, anchor: 'twelfthBirthday' as const, offsetMinutes: b },
  ]),
  // A parent alone around the 16th birthday: never enough at 12 to 15, nor from 16.
  nearMidnight.map((offsetMinutes) => [{ signer: holder, anchor: 'sixteenthBirthday' as const, offsetMinutes }]),
  // The child alone around the 16th birthday: enough from 16 only.
  nearMidnight.map((offsetMinutes) => [{ signer: subject, anchor: 'sixteenthBirthday' as const, offsetMinutes }]),
  // A parent before 12, then someone else lately: the latest signature's day decides whether capacity lapsed or is pending.
  fc.tuple(nearMidnight, fc.constantFrom(-30 * DAY, -DAY, -1), fc.nat(MAX_MEMBERS - 1)).map(([a, b, index]) => [
    { signer: holder, anchor: 'twelfthBirthday' as const, offsetMinutes: a },
    { signer: { kind: 'member' as const, index }, anchor: 'clock' as const, offsetMinutes: b },
  ]),
);

const consentSpec = (count: number, purposeCount: number): fc.Arbitrary<ConsentSpec> =>
  fc.record({
    subject: fc.nat(MAX_MEMBERS - 1),
    recipient: recipientSpec(count),
    categories: fc.oneof({ weight: 3, arbitrary: fc.constant('all' as const) }, { weight: 2, arbitrary: fc.subarray([...ALL_DATA_CATEGORIES], { minLength: 1 }) }),
    purposes: fc.oneof(
      { weight: 4, arbitrary: fc.record({ requested: fc.constant(true), others: fc.constant([]) }) },
      { weight: 3, arbitrary: fc.record({ requested: fc.boolean(), others: fc.uniqueArray(fc.nat(purposeCount - 1), { minLength: 1, maxLength: 3 }) }) },
    ),
    validFromOffsetMinutes: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(-200 * DAY, -30 * DAY, -DAY) },
      { weight: 2, arbitrary: fc.constantFrom(-400 * DAY, -1, 0, 1, DAY, 30 * DAY) },
    ),
    durationMinutes: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(365 * DAY, 2 * 365 * DAY) }, { weight: 2, arbitrary: fc.constantFrom(1, DAY, 30 * DAY, 200 * DAY) }),
    revokedOffsetMinutes: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constantFrom(-30 * DAY, -1, 0, 1, 30 * DAY) }),
    signatures: fc.oneof({ weight: 3, arbitrary: fc.array(signatureSpec, { minLength: 0, maxLength: 3 }) }, { weight: 2, arbitrary: signaturesAroundABirthday }),
  });

const purposeSpec: fc.Arbitrary<PurposeSpec> = fc.oneof(
  { weight: 16, arbitrary: fc.nat(20).map((index) => ({ kind: 'usableByCaller' as const, index })) },
  { weight: 3, arbitrary: fc.nat(20).map((index) => ({ kind: 'anyInCatalogue' as const, index })) },
  { weight: 1, arbitrary: fc.constantFrom('MARKETING', 'case_coordination', 'CHILD_PROTECTION_EXTENDED').map((code) => ({ kind: 'unknown' as const, code })) },
);

const showingSpec: fc.Arbitrary<ShowingSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(2).map((which) => ({ kind: 'subject' as const, which })) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(2), fc.nat(1)).map(([subject, which]) => ({ kind: 'holder' as const, subject, which })) },
  { weight: 1, arbitrary: fc.nat(MAX_MEMBERS - 1).map((index) => ({ kind: 'member' as const, index })) },
);

const planItemSpec: fc.Arbitrary<PlanItemSpec> = fc.record({
  kind: fc.nat(2),
  subjects: fc.oneof(
    { weight: 3, arbitrary: fc.uniqueArray(fc.nat(MAX_MEMBERS - 1), { minLength: 1, maxLength: 3 }).map((indexes) => ({ kind: 'members' as const, indexes })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'everyone' as const }) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.nat(9), { minLength: 1, maxLength: 2 }).map((consents) => ({ kind: 'consented' as const, consents })) },
  ),
  category: fc.nat(PLAN_CATEGORIES.length - 1),
  source: fc.oneof(
    { weight: 1, arbitrary: fc.nat(5).map((author) => ({ kind: 'family' as const, author })) },
    { weight: 1, arbitrary: fc.nat(4).map((involvement) => ({ kind: 'organisation' as const, involvement })) },
  ),
  actorMember: fc.option(fc.nat(MAX_MEMBERS - 1), { nil: null, freq: 3 }),
  sharedWithCaller: fc.option(fc.record({ withCategory: fc.boolean() }), { nil: null, freq: 2 }),
  change: fc.option(fc.record({ category: fc.option(fc.nat(PLAN_CATEGORIES.length - 1), { nil: null, freq: 2 }), author: fc.nat(5) }), { nil: null, freq: 2 }),
  showing: fc.oneof(
    { weight: 2, arbitrary: fc.constant('everyone concerned' as const) },
    { weight: 3, arbitrary: fc.array(showingSpec, { maxLength: 3 }) },
  ),
  seed: fc.nat(99_999),
});

/** What a thread can be about: anything but who someone is and their BSN (docs/messages.md). */
export const THREAD_CATEGORIES: readonly DataCategory[] = ALL_DATA_CATEGORIES.filter((c) => c !== DataCategory.PERSONAL_IDENTITY && c !== DataCategory.NATIONAL_ID);

const threadSpec: fc.Arbitrary<ThreadSpec> = fc.record({
  purpose: fc.oneof(
    { weight: 6, arbitrary: fc.constant({ kind: 'requested' as const }) },
    { weight: 2, arbitrary: fc.nat(20).map((index) => ({ kind: 'catalogue' as const, index })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'childProtection' as const }) },
  ),
  startedDaysAgo: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.constantFrom(1, 30, 200, 400) },
    { weight: 2, arbitrary: fc.constant('beforeSixteenthBirthday' as const) },
  ),
  category: fc.oneof({ weight: 1, arbitrary: fc.nat(THREAD_CATEGORIES.length - 1).map((index) => ({ kind: 'index' as const, index })) }, { weight: 1, arbitrary: fc.constant({ kind: 'consented' as const }) }),
  subjects: fc.uniqueArray(fc.nat(MAX_MEMBERS - 1), { minLength: 1, maxLength: 3 }),
  callerTakesPart: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  others: fc.uniqueArray(fc.nat(4), { maxLength: 2 }),
  joined: fc.oneof({ weight: 1, arbitrary: fc.uniqueArray(fc.nat(MAX_MEMBERS - 1), { maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant('entitled' as const) }),
  messages: fc.array(fc.record({ byMember: fc.boolean(), index: fc.nat(3), withdrawn: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }), {
    minLength: 1,
    maxLength: 3,
  }),
});

/** What an emergency grant may cover (DESIGN.md §3). */
export const BREAK_GLASS_CATEGORIES: readonly DataCategory[] = [DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.SAFETY];

const breakGlassSpec = (count: number): fc.Arbitrary<BreakGlassSpec> =>
  fc.record({
    organisation: fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'caller' as const }) }, { weight: 1, arbitrary: organisationIndex(count).map((index) => ({ kind: 'organisation' as const, index })) }),
    categories: fc.oneof({ weight: 2, arbitrary: fc.constant('all' as const) }, { weight: 1, arbitrary: fc.subarray([...BREAK_GLASS_CATEGORIES], { minLength: 1 }) }),
    // Around the end of the grant: expired a minute ago, expiring in a minute, or well within it.
    openedMinutesAgo: fc.constantFrom(0, 1, 59, 60, 61, 239, 240, 300),
    durationMinutes: fc.constantFrom(1, 60, 240),
  });

/** Worlds over `organisationCount` fixed organisations and a catalogue of `purposeCount` purposes. */
export function worldSpec(organisationCount: number, purposeCount: number): fc.Arbitrary<WorldSpec> {
  return fc
    .record({
      clock: fc.record({ day: clockDay, minuteOfDay, millisecond: fc.oneof(fc.constant(0), fc.nat(999)) }),
      callerOrganisation: organisationIndex(organisationCount),
      registeredBy: organisationPick(organisationCount),
      members: fc.array(memberSpec, { minLength: 2, maxLength: MAX_MEMBERS }),
      authority: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }), {
        minLength: MAX_MEMBERS * MAX_MEMBERS,
        maxLength: MAX_MEMBERS * MAX_MEMBERS,
      }),
      callerInvolvement: fc.option(activeInvolvementSpec, { nil: null, freq: 5 }),
      involvements: fc.array(involvementSpec(organisationCount), { minLength: 0, maxLength: 4 }),
      records: fc.array(recordSpec(organisationCount), { minLength: 1, maxLength: 6 }),
      consents: fc.array(consentSpec(organisationCount, purposeCount), { minLength: 0, maxLength: 10 }),
      purpose: purposeSpec,
      planItems: fc.array(planItemSpec, { minLength: 0, maxLength: 4 }),
      threads: fc.array(threadSpec, { minLength: 0, maxLength: 3 }),
      breakGlass: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(breakGlassSpec(organisationCount), { minLength: 1, maxLength: 2 }) }),
    })
    .map((spec) => Object.assign(spec, { [fc.toStringMethod]: () => JSON.stringify(spec) }));
}
