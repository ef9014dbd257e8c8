import { randomUUID } from 'node:crypto';
import { ALL_DATA_CATEGORIES, DataCategory, type FieldKind, MemberRelation, SECTION_TYPES, sectionSource } from '@kring/family-file';
import { ACTION_STATUSES, GOAL_STATUSES } from '@kring/family-plan';
import { addDays, amsterdamDate, amsterdamMidnight, birthday, isLeapYear, parseDate, wholeYearsOn } from '../reference/reference-calendar';
import type {
  RecordValue,
  ReferenceBreakGlassGrant,
  ReferenceConsent,
  ReferenceInvolvement,
  ReferenceMember,
  ReferenceMessage,
  ReferenceOrganisation,
  ReferencePlan,
  ReferencePlanActor,
  ReferencePlanItem,
  ReferencePlanItemKind,
  ReferencePlanItemVersion,
  ReferencePlanWrite,
  ReferencePurpose,
  ReferenceRecord,
  ReferenceReferral,
  ReferenceRequest,
  ReferenceThread,
  ReferenceWorld,
} from '../reference/reference-world';
import { involvedOn } from '../reference/reference-access-rule';
import { mayNotBeKeptFrom, sharedWhole } from '../reference/reference-member-threads';
import { reachOf } from '../reference/reference-member-view';
import {
  BREAK_GLASS_CATEGORIES,
  MAX_MEMBERS,
  PLAN_CATEGORIES,
  THREAD_CATEGORIES,
  type BreakGlassSpec,
  type OrganisationPick,
  type PlanItemSpec,
  type ShowingSpec,
  type SignatureSpec,
  type ThreadSpec,
  type WorldSpec,
} from './world-spec.arbitrary';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Signatures are never dated before this: the reference calendar starts in 1996, and nobody signed in Kring before 2000. */
const EARLIEST_SIGNATURE = Date.UTC(2000, 0, 1, 12);

/**
 * Turns a spec into a concrete world with fresh ids (so every run gets its own
 * family), and the request to ask about it. Member ids start with the member's
 * rank and index, so the order of subjects is the spec's, not the dice's.
 */
export function materializeWorld(
  spec: WorldSpec,
  organisations: readonly ReferenceOrganisation[],
  catalogue: readonly ReferencePurpose[],
): { world: ReferenceWorld; request: ReferenceRequest } {
  const at = new Date(amsterdamMidnight(spec.clock.day).getTime() + spec.clock.minuteOfDay * MINUTE + spec.clock.millisecond);
  const today = amsterdamDate(at);
  const caller = organisationAt(organisations, spec.callerOrganisation);
  const registrar = pickOrganisation(organisations, spec.registeredBy, caller, organisationAt(organisations, spec.callerOrganisation + 1));

  const members: ReferenceMember[] = spec.members.map((m, i) => {
    const birthDate = birthDateFor(today, m.age, m.shiftDays, m.leapDayBirth);
    const adult = wholeYearsOn(birthDate, today) >= 18;
    const relation = adult ? [MemberRelation.PARENT, MemberRelation.OTHER][m.relationPick] : [MemberRelation.CHILD, MemberRelation.OTHER][m.relationPick];
    return {
      id: `${m.rank.toString(16)}${i.toString(16)}${randomUUID().slice(2)}`,
      label: `m${i}`,
      name: `m${i} ${['Zoë', 'Ærøskøbing', "O'Brien", 'Jan-Willem', 'Fatma Yılmaz'][i % 5]}`,
      birthDate,
      bsn: String(100_000_000 + (i + 1) * 11_111_111),
      relation: relation ?? MemberRelation.OTHER,
    };
  });
  const ageOf = (m: ReferenceMember) => wholeYearsOn(m.birthDate, today);
  const authority = members.flatMap((adult, a) =>
    members
      .filter((child, c) => a !== c && ageOf(adult) >= 18 && ageOf(child) < 18 && spec.authority[a * MAX_MEMBERS + c] === true)
      .map((child) => ({ adultId: adult.id, childId: child.id })),
  );

  let openCaseDirection = false;
  const involvementsOf = [
    ...(spec.callerInvolvement === null ? [] : [{ ...spec.callerInvolvement, organisation: caller }]),
    ...spec.involvements.map((i) => ({ ...i, organisation: organisationAt(organisations, i.organisation) })),
  ];
  const involvements: ReferenceInvolvement[] = involvementsOf.map((i) => {
    const startsOn = addDays(today, i.startOffsetDays);
    const endsOn = i.endOffsetDays === null ? null : maxDate(startsOn, addDays(today, i.endOffsetDays));
    // At most one open involvement holds case direction (a unique index says so).
    const caseDirection = i.caseDirection && (endsOn !== null || !openCaseDirection);
    if (caseDirection && endsOn === null) openCaseDirection = true;
    return { id: randomUUID(), organisationId: i.organisation.id, startsOn, endsOn, caseDirection };
  });

  const records: ReferenceRecord[] = spec.records.flatMap((r) => {
    const type = SECTION_TYPES[r.sectionType % SECTION_TYPES.length] as (typeof SECTION_TYPES)[number];
    const chosen = type.fields.filter((_, k) => r.fieldMask[k] === true);
    const fields = chosen.length > 0 ? chosen : type.fields.slice(0, 1);
    const subjectIds = [...new Set(r.subjects.map((s) => memberAt(members, s).id))];
    const valuesOf = (seed: number) => Object.fromEntries(fields.map((f) => [f.name, valueOf(f.kind, f.name, seed)]));
    if (sectionSource(type) === 'ORGANISATION') {
      const source = pickOrganisation(organisations, r.source, caller, registrar).id;
      return [{ id: randomUUID(), sourceOrganisationId: source, authorId: null, supersedesId: null, sectionType: type.name, subjectIds, values: valuesOf(r.valueSeed) }];
    }
    // A story: about one member, by any member (the view must hold whoever wrote it), in versions that each replace the one before.
    const story: ReferenceRecord[] = [];
    for (let version = 0; version < r.versions; version += 1) {
      const supersedesId = story.at(-1)?.id ?? null;
      story.push({ id: randomUUID(), sourceOrganisationId: null, authorId: memberAt(members, r.author).id, supersedesId, sectionType: type.name, subjectIds: subjectIds.slice(0, 1), values: valuesOf(r.valueSeed + version) });
    }
    return story;
  });

  const purposeCode = purposeCodeFor(spec, caller, catalogue);
  const consents: ReferenceConsent[] = spec.consents.map((c) => {
    const subject = memberAt(members, c.subject);
    const validFrom = new Date(at.getTime() + c.validFromOffsetMinutes * MINUTE);
    const signers = new Map<string, Date>();
    for (const s of c.signatures) {
      const memberId = signerId(s, subject, members, authority);
      if (!signers.has(memberId)) signers.set(memberId, signedAt(s, at, validFrom, subject.birthDate));
    }
    const recipient = c.recipient;
    const others = c.purposes.others.map((i) => (catalogue[i % catalogue.length] as ReferencePurpose).code);
    const purposes = [...new Set([...(c.purposes.requested ? [purposeCode] : []), ...others])];
    return {
      id: randomUUID(),
      subjectId: subject.id,
      recipientOrganisationId:
        recipient.kind === 'callerOrganisation' ? caller.id : recipient.kind === 'organisation' ? organisationAt(organisations, recipient.index).id : null,
      recipientDomain: recipient.kind === 'callerDomain' ? caller.domain : recipient.kind === 'domain' ? recipient.domain : null,
      categories: c.categories === 'all' ? [...ALL_DATA_CATEGORIES] : [...c.categories],
      purposes: purposes.length > 0 ? purposes : [purposeCode],
      validFrom,
      validUntil: new Date(validFrom.getTime() + c.durationMinutes * MINUTE),
      revokedAt: c.revokedOffsetMinutes === null ? null : new Date(at.getTime() + c.revokedOffsetMinutes * MINUTE),
      signatures: [...signers].map(([memberId, when]) => ({ memberId, signedAt: when })),
    };
  });

  // Consent decides a plan item only where one covers the plan for this read: the items' subjects lean on those.
  const sharingThePlan = consents.filter(
    (c) => (c.recipientOrganisationId === caller.id || c.recipientDomain === caller.domain) && c.purposes.includes(purposeCode) && c.categories.includes(DataCategory.SHARED_PLAN),
  );
  const plan = planOf(spec.planItems, { members, authority, involvements, consents: sharingThePlan.length > 0 ? sharingThePlan : consents, at, today });
  const planConsents = spec.planItems.flatMap((p, n) => (p.sharedWithCaller === null ? [] : sharingConsents(plan.items[n] as ReferencePlanItem, p.sharedWithCaller, { caller, purposeCode, authority, at })));

  const referrals = proposedReferrals(consents, involvements, today);
  return {
    world: {
      familyId: randomUUID(),
      registeredByOrganisationId: registrar.id,
      members,
      authority,
      involvements,
      records,
      consents: [...consents, ...planConsents],
      plan,
      threads: threadsOf(spec.threads, { organisations, caller, members, authority, involvements, consents, purposeCode, catalogue, at }),
      referrals,
      breakGlassGrants: breakGlassOf(spec.breakGlass, { organisations, caller, registrar, at }),
    },
    request: { caller, purpose: purposeCode, at },
  };
}

/**
 * The consents an item's subjects gave the caller to share the plan (and, `withCategory`, what
 * the item touches) for the read's purpose: valid for a year around the read, signed the day
 * before by the subject and a parent with authority (whose signatures count is the rule's to say).
 */
function sharingConsents(
  item: ReferencePlanItem,
  shared: NonNullable<PlanItemSpec['sharedWithCaller']>,
  w: { caller: ReferenceOrganisation; purposeCode: string; authority: readonly { adultId: string; childId: string }[]; at: Date },
): ReferenceConsent[] {
  const category = item.versions.at(-1)?.category ?? DataCategory.SHARED_PLAN;
  const categories = shared.withCategory ? [...new Set([DataCategory.SHARED_PLAN, category])] : [DataCategory.SHARED_PLAN];
  const signedAt = new Date(w.at.getTime() - DAY);
  return item.subjectIds.map((subjectId) => {
    const holders = w.authority.filter((a) => a.childId === subjectId).map((a) => a.adultId);
    return {
      id: randomUUID(),
      subjectId,
      recipientOrganisationId: w.caller.id,
      recipientDomain: null,
      categories,
      purposes: [w.purposeCode],
      validFrom: new Date(w.at.getTime() - 30 * DAY),
      validUntil: new Date(w.at.getTime() + 300 * DAY),
      revokedAt: null,
      signatures: [subjectId, ...holders.slice(0, 1)].map((memberId) => ({ memberId, signedAt })),
    };
  });
}

const KINDS_OF: Readonly<Record<'family' | 'organisation', readonly ReferencePlanItemKind[]>> = { family: ['WORDS', 'GOAL', 'ACTION'], organisation: ['GOAL', 'ACTION', 'REVIEW'] };
const STATUSES_OF: Readonly<Record<ReferencePlanItemKind, readonly (string | null)[]>> = { WORDS: [null], GOAL: GOAL_STATUSES, ACTION: ACTION_STATUSES, REVIEW: [null] };

/**
 * The family plan as the API would have stored it (docs/family-plan.md, "Who writes"): the family
 * writes words, goals and actions (carried out by a member or a person of its network), an
 * involved organisation its goals, its own actions and the review date (about everyone). Items
 * are added in order, then the changes follow, each a version of the plan an hour apart.
 */
function planOf(
  specs: readonly PlanItemSpec[],
  w: {
    members: readonly ReferenceMember[];
    authority: readonly { adultId: string; childId: string }[];
    involvements: readonly ReferenceInvolvement[];
    consents: readonly ReferenceConsent[];
    at: Date;
    today: string;
  },
): ReferencePlan {
  const holdersOf = (memberId: string) => w.authority.filter((a) => a.childId === memberId).map((a) => a.adultId);
  const items = specs.map((p): ReferencePlanItem & { authors: string[] } => {
    const involvement = p.source.kind === 'organisation' ? w.involvements[p.source.involvement % Math.max(1, w.involvements.length)] : undefined;
    const sourceOrganisationId = involvement?.organisationId ?? null;
    const kind = (KINDS_OF[sourceOrganisationId === null ? 'family' : 'organisation'][p.kind % 3]) as ReferencePlanItemKind;
    const subjectIds = [...new Set(kind === 'REVIEW' ? w.members.map((m) => m.id) : subjectsOf(p.subjects, w.members, w.consents))].sort();
    const actor: ReferencePlanActor | null =
      kind !== 'ACTION'
        ? null
        : sourceOrganisationId !== null
          ? { kind: 'ORGANISATION', organisationId: sourceOrganisationId }
          : p.actorMember === null
            ? { kind: 'NETWORK', name: `Oma ${['Riek', 'Ærøskøbing', "O'Brien"][p.seed % 3]} ${p.seed}` }
            : { kind: 'MEMBER', memberId: memberAt(w.members, p.actorMember).id };
    // Who could have written it: a subject or a parent with authority over one.
    const concerned = [...new Set(subjectIds.flatMap((id) => [id, ...holdersOf(id)]))];
    const authorAt = (n: number) => (sourceOrganisationId === null ? (concerned[n % concerned.length] as string) : null);
    const categoryAt = (n: number) => (kind === 'REVIEW' ? DataCategory.SHARED_PLAN : (PLAN_CATEGORIES[n % PLAN_CATEGORIES.length] as DataCategory));
    const statuses = STATUSES_OF[kind];
    const first: ReferencePlanItemVersion = {
      category: categoryAt(p.category),
      text: kind === 'REVIEW' && p.seed % 3 === 0 ? '' : `${['Wij willen', 'Zoë wil', '日本語', '"quoted" \\ text'][p.seed % 4]} ${kind.toLowerCase()} ${p.seed}`,
      status: statuses[0] ?? null,
      dueOn: kind === 'REVIEW' || (kind === 'ACTION' && p.seed % 2 === 0) ? addDays(w.today, (p.seed % 90) + 1) : null,
    };
    const versions = [first];
    if (p.change !== null) {
      versions.push({ ...first, category: p.change.category === null ? first.category : categoryAt(p.change.category), text: `${first.text}, veranderd`, status: statuses[1 + (p.seed % 2)] ?? null });
    }
    const shownBy = p.showing === 'everyone concerned' ? concerned : p.showing.flatMap((x) => showingBy(x, subjectIds, w.members, holdersOf));
    return {
      id: randomUUID(),
      kind,
      subjectIds,
      sourceOrganisationId,
      actor,
      versions,
      shownBy: [...new Set(shownBy)],
      authors: [authorAt(p.source.kind === 'family' ? p.source.author : 0), ...(p.change === null ? [] : [authorAt(p.change.author)])].filter((a): a is string => a !== null),
    };
  });
  const order = [...items.map((item) => ({ item, nth: 0 })), ...items.filter((item) => item.versions.length > 1).map((item) => ({ item, nth: 1 }))];
  const writes = order.map(({ item, nth }, i): ReferencePlanWrite => ({
    itemId: item.id,
    nth,
    byMemberId: item.sourceOrganisationId === null ? (item.authors[nth] ?? null) : null,
    at: new Date(w.at.getTime() - (order.length - i) * 60 * MINUTE),
  }));
  return { items: items.map(({ authors: _authors, ...item }) => item), writes };
}

function subjectsOf(subjects: PlanItemSpec['subjects'], members: readonly ReferenceMember[], consents: readonly ReferenceConsent[]): string[] {
  switch (subjects.kind) {
    case 'members':
      return subjects.indexes.map((i) => memberAt(members, i).id);
    case 'everyone':
      return members.map((m) => m.id);
    case 'consented':
      return consents.length === 0 ? [memberAt(members, 0).id] : subjects.consents.map((i) => (consents[i % consents.length] as ReferenceConsent).subjectId);
  }
}

function showingBy(x: ShowingSpec, subjectIds: readonly string[], members: readonly ReferenceMember[], holdersOf: (id: string) => string[]): string[] {
  switch (x.kind) {
    case 'subject':
      return [subjectIds[x.which % subjectIds.length] as string];
    case 'holder': {
      const holders = holdersOf(subjectIds[x.subject % subjectIds.length] as string);
      return holders.length === 0 ? [] : [holders[x.which % holders.length] as string];
    }
    case 'member':
      return [memberAt(members, x.index).id];
  }
}

function birthDateFor(today: string, age: number, shiftDays: number, leapDayBirth: boolean): string {
  const [year, month, day] = today.split('-') as [string, string, string];
  const targetYear = Number(year) - age;
  let birthDate: string;
  if (leapDayBirth) {
    let leapYear = targetYear;
    while (!isLeapYear(leapYear)) leapYear -= 1;
    birthDate = `${leapYear}-02-29`;
  } else {
    const sameDay = month === '02' && day === '29' && !isLeapYear(targetYear) ? '28' : day;
    birthDate = addDays(`${targetYear}-${month}-${sameDay}`, shiftDays);
  }
  return birthDate > today ? today : birthDate;
}

function signerId(s: SignatureSpec, subject: ReferenceMember, members: readonly ReferenceMember[], authority: readonly { adultId: string; childId: string }[]): string {
  switch (s.signer.kind) {
    case 'subject':
      return subject.id;
    case 'holder': {
      const holders = authority.filter((a) => a.childId === subject.id).map((a) => a.adultId);
      // A child nobody holds authority over: someone else signs, which must not count as a parent's signature.
      return holders[s.signer.which] ?? holders[0] ?? (members.find((m) => m.id !== subject.id) ?? subject).id;
    }
    case 'member':
      return memberAt(members, s.signer.index).id;
  }
}

function signedAt(s: SignatureSpec, at: Date, validFrom: Date, subjectBirthDate: string): Date {
  const anchor = {
    clock: () => at.getTime(),
    validFrom: () => validFrom.getTime(),
    twelfthBirthday: () => midnightOf(birthday(subjectBirthDate, 12)),
    sixteenthBirthday: () => midnightOf(birthday(subjectBirthDate, 16)),
  }[s.anchor]();
  return new Date(Math.max(EARLIEST_SIGNATURE, anchor + s.offsetMinutes * MINUTE));
}

/**
 * The family's threads, oldest first, each started some days (or within the hour) before the
 * read, a minute apart, as `startThread` would have let them start then: for a purpose its professionals'
 * domains may use, with the professionals of organisations involved on that day (the caller
 * taking part only when asked, its domain may and it was involved), so a thread without anyone
 * left is not started; about subjects everyone it may not be kept from could read whole on that
 * day, else about its first subject alone (NOT_SHARED_WHOLE: one thread per member instead).
 * The members who joined had every subject in reach that day; since then consents, involvements
 * and ages moved on. Its messages follow a second apart, by its professionals and by the members
 * who joined; some withdrawn by their author half a second later.
 */
function threadsOf(
  specs: readonly ThreadSpec[],
  w: {
    organisations: readonly ReferenceOrganisation[];
    caller: ReferenceOrganisation;
    members: readonly ReferenceMember[];
    authority: readonly { adultId: string; childId: string }[];
    involvements: readonly ReferenceInvolvement[];
    consents: readonly ReferenceConsent[];
    purposeCode: string;
    catalogue: readonly ReferencePurpose[];
    at: Date;
  },
): ReferenceThread[] {
  const threads = specs.flatMap((t, n): ReferenceThread[] => {
    const requested = w.catalogue.find((p) => p.code === w.purposeCode && p.domains.includes(w.caller.domain));
    const childProtection = w.catalogue.find((p) => p.code === 'CHILD_PROTECTION');
    const purpose =
      t.purpose.kind === 'requested' && requested !== undefined
        ? requested
        : t.purpose.kind === 'childProtection' && childProtection !== undefined
          ? childProtection
          : (w.catalogue[(t.purpose.kind === 'catalogue' ? t.purpose.index : n) % w.catalogue.length] as ReferencePurpose);
    const mayUse = (organisationId: string) => purpose.domains.includes((w.organisations.find((o) => o.id === organisationId) as ReferenceOrganisation).domain);
    const others = t.others.flatMap((i) => (w.involvements.length === 0 ? [] : [(w.involvements[i % w.involvements.length] as ReferenceInvolvement).organisationId]));
    const candidates = [...new Set([...(t.callerTakesPart ? [w.caller.id] : []), ...others.filter((id) => id !== w.caller.id)])].filter(mayUse);
    // Asked to start before any of them was involved: it starts the morning their first involvement began instead.
    const turned = t.startedDaysAgo === 'beforeSixteenthBirthday' ? turnedSixteen(w) : undefined;
    let startedAt = new Date((turned === undefined ? startOf(t, w) : amsterdamMidnight(birthday(turned.birthDate, 16)).getTime()) - 60 * MINUTE + n * MINUTE);
    if (!candidates.some((id) => involvedOn(w, id, amsterdamDate(startedAt)))) {
      const began = w.involvements.filter((i) => candidates.includes(i.organisationId) && i.startsOn > amsterdamDate(startedAt)).map((i) => i.startsOn).sort()[0];
      if (began !== undefined) startedAt = new Date(amsterdamMidnight(began).getTime() + 9 * 60 * MINUTE + n * MINUTE);
    }
    // A thread (and its messages, seconds after it) starts before the read.
    if (startedAt.getTime() > w.at.getTime() - 10_000) return [];
    const startDay = amsterdamDate(startedAt);
    const participants = candidates.filter((id) => involvedOn(w, id, startDay));
    if (participants.length === 0) return [];
    const consented = w.consents
      .filter((c) => (c.recipientOrganisationId === w.caller.id || c.recipientDomain === w.caller.domain) && c.purposes.includes(purpose.code))
      .flatMap((c) => c.categories.filter((k) => THREAD_CATEGORIES.includes(k)));
    const category = t.category.kind === 'consented' && consented[0] !== undefined ? consented[0] : (THREAD_CATEGORIES[(t.category.kind === 'index' ? t.category.index : n) % THREAD_CATEGORIES.length] as DataCategory);
    const named = turned === undefined ? [...new Set(t.subjects.map((i) => memberAt(w.members, i).id))] : [turned.id];
    const subjectIds = (sharedWhole(w, named, startDay) ? named : named.slice(0, 1)).sort();
    const joining = t.joined === 'entitled' ? [...mayNotBeKeptFrom(w, subjectIds, startDay)] : t.joined.map((i) => memberAt(w.members, i).id);
    const memberIds = [...new Set(joining)].filter((id) => {
      const reach = reachOf(w, id, startDay);
      return subjectIds.every((s) => reach.has(s));
    });
    const messages = t.messages.map((m, k): ReferenceMessage => {
      const byMemberId = m.byMember && memberIds.length > 0 ? (memberIds[m.index % memberIds.length] as string) : null;
      const sentAt = new Date(startedAt.getTime() + (k + 1) * 1000);
      return {
        byOrganisationId: byMemberId === null ? (participants[m.index % participants.length] as string) : null,
        byMemberId,
        body: `Bericht ${n}.${k} ✉ "${m.index}"`,
        sentAt,
        withdrawnAt: m.withdrawn ? new Date(sentAt.getTime() + 500) : null,
      };
    });
    return [{ id: randomUUID(), topic: `Onderwerp ${n}: Zoë's plan`, subjectIds, category, purpose: purpose.code, participantOrganisationIds: participants, memberIds, messages, startedAt }];
  });
  // Oldest first, as the world keeps them (no two start at the same moment).
  return threads.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** The moment a thread's start is counted back from: the read's, less the days asked (a day for the evening before a 16th birthday nobody had). */
function startOf(t: ThreadSpec, w: { at: Date }): number {
  return w.at.getTime() - (t.startedDaysAgo === 'beforeSixteenthBirthday' ? 1 : t.startedDaysAgo) * DAY;
}

/** The first member who turned 16 in the 400 days before the read, if any. */
function turnedSixteen(w: { members: readonly ReferenceMember[]; at: Date }): ReferenceMember | undefined {
  const today = amsterdamDate(w.at);
  return w.members.find((m) => {
    const sixteenth = birthday(m.birthDate, 16);
    return sixteenth <= today && sixteenth > addDays(today, -400);
  });
}

/** The emergency grants, each for CHILD_PROTECTION, opened before the read and expiring around it. */
function breakGlassOf(
  specs: readonly BreakGlassSpec[],
  w: { organisations: readonly ReferenceOrganisation[]; caller: ReferenceOrganisation; registrar: ReferenceOrganisation; at: Date },
): ReferenceBreakGlassGrant[] {
  return specs.map((g) => {
    const openedAt = new Date(w.at.getTime() - g.openedMinutesAgo * MINUTE);
    return {
      id: randomUUID(),
      organisationId: pickOrganisation(w.organisations, g.organisation, w.caller, w.registrar).id,
      purpose: 'CHILD_PROTECTION',
      categories: g.categories === 'all' ? [...BREAK_GLASS_CATEGORIES] : [...g.categories],
      openedAt,
      expiresAt: new Date(openedAt.getTime() + g.durationMinutes * MINUTE),
    };
  });
}

/** Amsterdam midnight of `date`; before 2000 (clamped away anyway) near enough. */
function midnightOf(date: string): number {
  return date < '2000-01-01' ? parseDate(date) : amsterdamMidnight(date).getTime();
}

function purposeCodeFor(spec: WorldSpec, caller: ReferenceOrganisation, catalogue: readonly ReferencePurpose[]): string {
  switch (spec.purpose.kind) {
    case 'usableByCaller': {
      const usable = catalogue.filter((p) => p.domains.includes(caller.domain));
      return (usable[spec.purpose.index % usable.length] ?? catalogue[0])?.code ?? 'CASE_COORDINATION';
    }
    case 'anyInCatalogue':
      return (catalogue[spec.purpose.index % catalogue.length] as ReferencePurpose).code;
    case 'unknown':
      return spec.purpose.code;
  }
}

function valueOf(kind: FieldKind, field: string, seed: number): RecordValue {
  switch (kind) {
    case 'text':
      return `${['Zoë', 'Ærø', '日本語', "O'Brien", '"quoted" \\ text'][seed % 5]} ${seed} ${field}`;
    case 'date':
      return addDays('2020-01-01', seed % 3000);
    case 'integer':
      return seed % 40;
    case 'decimal':
      return seed % 7 === 0 ? seed % 500 : (seed % 1_000_000) / 100;
    case 'boolean':
      return seed % 2 === 0;
    case 'text-list':
      return Array.from({ length: (seed % 3) + 1 }, (_, k) => `${field} ${k} ${seed}`);
  }
}

function pickOrganisation(
  organisations: readonly ReferenceOrganisation[],
  pick: OrganisationPick,
  caller: ReferenceOrganisation,
  registrar: ReferenceOrganisation,
): ReferenceOrganisation {
  switch (pick.kind) {
    case 'caller':
      return caller;
    case 'registrar':
      return registrar;
    case 'organisation':
      return organisationAt(organisations, pick.index);
  }
}

function organisationAt(organisations: readonly ReferenceOrganisation[], index: number): ReferenceOrganisation {
  return organisations[index % organisations.length] as ReferenceOrganisation;
}

function memberAt(members: readonly ReferenceMember[], index: number): ReferenceMember {
  return members[index % members.length] as ReferenceMember;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Every consent naming an organisation that is not involved today is carried by a proposed
 * referral (docs/referral.md) from an organisation that is: a consent in any state (signed by
 * all, by some, revoked, expired), so the property covers "a referral never makes data readable
 * before acceptance and an active consent". None when no organisation is involved today.
 */
function proposedReferrals(consents: readonly ReferenceConsent[], involvements: readonly ReferenceInvolvement[], today: string): ReferenceReferral[] {
  const involvedToday = [...new Set(involvements.filter((i) => i.startsOn <= today && (i.endsOn === null || today < i.endsOn)).map((i) => i.organisationId))];
  return consents.flatMap((c) => {
    const receiving = c.recipientOrganisationId;
    const referring = involvedToday.find((o) => o !== receiving);
    if (receiving === null || involvedToday.includes(receiving) || referring === undefined) return [];
    return [{ id: randomUUID(), consentId: c.id, subjectId: c.subjectId, referringOrganisationId: referring, receivingOrganisationId: receiving }];
  });
}
