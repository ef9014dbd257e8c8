import { randomUUID } from 'node:crypto';
import { ALL_DATA_CATEGORIES, type FieldKind, MemberRelation, SECTION_TYPES, sectionSource } from '@kring/family-file';
import { addDays, amsterdamDate, amsterdamMidnight, birthday, isLeapYear, parseDate, wholeYearsOn } from '../reference/reference-calendar';
import type {
  RecordValue,
  ReferenceConsent,
  ReferenceInvolvement,
  ReferenceMember,
  ReferenceOrganisation,
  ReferencePurpose,
  ReferenceRecord,
  ReferenceRequest,
  ReferenceWorld,
} from '../reference/reference-world';
import { MAX_MEMBERS, type OrganisationPick, type SignatureSpec, type WorldSpec } from './world-spec.arbitrary';

const MINUTE = 60_000;
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

  return {
    world: { familyId: randomUUID(), registeredByOrganisationId: registrar.id, members, authority, involvements, records, consents },
    request: { caller, purpose: purposeCode, at },
  };
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
