import type { DataSource, EntityManager } from 'typeorm';
import { ConsentEntity, ConsentSignatureEntity, SignatureCapacity } from '@kring/consent';
import type { KringCrypto } from '@kring/crypto';
import { DataCategory as C, FamilyFileWriter, MemberRelation, OUR_STORY } from '@kring/family-file';
import { DirectoryWriter, Domain, OrganisationEntity, organisationRegistration, professionalRegistration, ProfessionalRole as R } from '@kring/identity';
import { writeDemoEscalation } from './demo-escalation';
import { writeDemoMessages } from './demo-messages';
import { writeDemoPlan } from './demo-plan';
import { writeDemoReferral } from './demo-referral';
import { writeDemoServices } from './demo-services';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from './demo-ids';

const DAY = 24 * 3600 * 1000;

/**
 * Loads the demo world of DESIGN.md §7 (Gemeente Heerenveen, the De Vries family)
 * into an empty database. Ages are as the design gives them on the day of loading.
 * Returns false, and writes nothing, when the world is there already.
 */
export async function loadDemoWorld(dataSource: DataSource, crypto: KringCrypto, policyVersion: string, today = new Date()): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent first starts (several replicas against one database).
    await manager.query('SELECT pg_advisory_xact_lock(7234001)');
    if (await manager.existsBy(OrganisationEntity, { id: O.teamToegang })) return false;
    await writeDemoWorld(manager, crypto, policyVersion, today);
    return true;
  });
}

async function writeDemoWorld(manager: EntityManager, crypto: KringCrypto, policyVersion: string, today: Date): Promise<void> {
  const directory = new DirectoryWriter(crypto);
  const files = new FamilyFileWriter(crypto);
  // The directory is registered as an administrator registers it (docs/administration.md): the
  // same rules, then the same writer. The numbers are made up, in the registers' formats.
  const org = async (id: string, name: string, domain: Domain, number: { oin?: string; kvkNumber?: string }) => {
    const registration = organisationRegistration({ name, domain, ...number });
    if (!registration.ok) throw new Error(`the demo organisation ${name} is refused: ${registration.refusal}`);
    return directory.registerOrganisation(manager, { id, ...registration.draft });
  };
  const jeugdhulp = await org(O.jeugdhulp, 'Jeugdhulp Friesland', Domain.YOUTH_CARE, { kvkNumber: '90000001' });
  const toegang = await org(O.teamToegang, 'Gemeente Heerenveen Team Toegang', Domain.WMO, { oin: '00000001001234567000' });
  const schuldhulp = await org(O.schuldhulp, 'Schuldhulpverlening Heerenveen', Domain.DEBT_ASSISTANCE, { kvkNumber: '90000003' });
  const participatie = await org(O.participatie, 'Participatie Heerenveen', Domain.PARTICIPATION, { kvkNumber: '90000004' });
  const veiligThuis = await org(O.veiligThuis, 'Veilig Thuis Friesland', Domain.CHILD_SAFETY, { oin: '00000003900000050000', kvkNumber: '90000005' });
  // Not involved with the family: Daan's referral to its school social work waits for its answer (demo-referral.ts).
  const school = await org(O.schoolmaatschappelijkWerk, 'Schoolmaatschappelijk Werk Friesland', Domain.EDUCATION, { kvkNumber: '90000006' });
  // Not involved either: its budget coaching is on the social map, where a professional refers to it (docs/referral.md).
  const rondkomen = await org(O.budgetcoaching, 'Stichting Rondkomen Heerenveen', Domain.DEBT_ASSISTANCE, { kvkNumber: '90000007' });

  // Work contacts: how the family and colleagues reach them (the circle, docs/circle.md).
  const staff: [OrganisationEntity, string, string, R[], string | null][] = [
    [jeugdhulp, P.jeugdhulp, 'Femke Bakker', [R.PROFESSIONAL], '058 123 4501, f.bakker@jeugdhulpfriesland.example'],
    [toegang, P.wmo, 'Pieter de Jong', [R.PROFESSIONAL], '0513 61 7600, p.dejong@heerenveen.example'],
    [toegang, P.teamleider, 'Marloes Dijkstra', [R.TEAM_LEAD], '0513 61 7610, m.dijkstra@heerenveen.example'],
    [schuldhulp, P.schuldhulp, 'Anouk Visser', [R.PROFESSIONAL], '0513 61 7700, a.visser@schuldhulpheerenveen.example'],
    [participatie, P.participatie, 'Sander Mulder', [R.PROFESSIONAL], '0513 61 7800, s.mulder@participatieheerenveen.example'],
    [veiligThuis, P.veiligthuis, 'Ingrid Smit', [R.PROFESSIONAL], '0800 2000'],
    [school, P.schoolmw, 'Lisa de Boer', [R.PROFESSIONAL], '058 123 4600, l.deboer@smwfriesland.example'],
    [rondkomen, P.budgetcoach, 'Noor Hendriks', [R.PROFESSIONAL], '0513 62 1100, n.hendriks@rondkomenheerenveen.example'],
    [toegang, P.fgGemeente, 'Willem Hoekstra', [R.PRIVACY_OFFICER], null],
    [toegang, P.ketenFg, 'Esther Postma', [R.CHAIN_PRIVACY_OFFICER], null],
    [toegang, P.admin, 'Kees Beheer', [R.ADMIN], null],
  ];
  for (const [organisation, id, name, roles, contact] of staff) {
    const registration = professionalRegistration({ name, roles, contact });
    if (!registration.ok) throw new Error(`the demo professional ${name} is refused: ${registration.refusal}`);
    await directory.registerProfessional(manager, organisation, { id, ...registration.draft });
  }

  // Team Toegang registered the family (it holds case direction).
  const { key } = await files.createFamily(manager, {
    id: DEMO_FAMILY_ID,
    registeredByOrganisationId: toegang.id,
    members: [
      { id: M.marieke, name: 'Marieke de Vries', birthDate: birthDate(today, 38, 97), bsn: '123451000', relation: MemberRelation.PARENT },
      { id: M.johan, name: 'Johan de Vries', birthDate: birthDate(today, 41, 201), bsn: '234561002', relation: MemberRelation.PARENT },
      { id: M.sanne, name: 'Sanne de Vries', birthDate: birthDate(today, 17, 150), bsn: '345671004', relation: MemberRelation.CHILD },
      { id: M.daan, name: 'Daan de Vries', birthDate: birthDate(today, 14, 120), bsn: '456781006', relation: MemberRelation.CHILD },
      { id: M.lotte, name: 'Lotte de Vries', birthDate: birthDate(today, 8, 60), bsn: '567891008', relation: MemberRelation.CHILD },
    ],
    // Both parents hold authority over all three children.
    authority: [0, 1].flatMap((adult) => [2, 3, 4].map((child) => ({ adult, child }))),
  });

  const involved: [string, string, number, boolean][] = [
    [toegang.id, P.wmo, 200, true],
    [jeugdhulp.id, P.jeugdhulp, 150, false],
    [schuldhulp.id, P.schuldhulp, 120, false],
    [participatie.id, P.participatie, 90, false],
  ];
  for (const [organisationId, contactProfessionalId, daysAgo, caseDirection] of involved) {
    await files.addInvolvement(manager, { familyId: DEMO_FAMILY_ID, organisationId, contactProfessionalId, startsOn: isoDate(today, -daysAgo), caseDirection });
  }

  const record = (source: string, author: string, sectionType: string, subjects: string[], values: Record<string, string | number | boolean | string[]>) =>
    files.addRecord(manager, key, { familyId: DEMO_FAMILY_ID, sourceOrganisationId: source, authorProfessionalId: author, sectionType, subjectMemberIds: subjects, values });

  await record(jeugdhulp.id, P.jeugdhulp, 'CareTrajectory', [M.daan], {
    provider: 'Jeugdhulp Friesland, ambulante gezinsbegeleiding',
    goals: ['Daan gaat weer elke schooldag naar school', 'Minder ruzie thuis bij het opstaan'],
    startDate: isoDate(today, -150),
    frequency: 'Wekelijks, op dinsdag',
    diagnosis: 'ADHD, gecombineerd beeld',
    medication: 'Methylfenidaat 10 mg, twee keer per dag',
  });
  await record(jeugdhulp.id, P.jeugdhulp, 'CareTrajectory', [M.lotte], {
    provider: 'Jeugdhulp Friesland, speltherapie',
    goals: ['Lotte kan haar gevoelens over de spanningen thuis benoemen'],
    startDate: isoDate(today, -140),
    frequency: 'Om de week',
    diagnosis: 'Aanpassingsstoornis met angstklachten',
  });
  await record(toegang.id, P.wmo, 'SupportProvision', [M.marieke], {
    provision: 'Huishoudelijke ondersteuning',
    hoursPerWeek: 4,
    decisionDate: isoDate(today, -180),
  });
  await record(schuldhulp.id, P.schuldhulp, 'ContactDetails', [M.marieke], {
    address: 'Kerkstraat 12, 8441 AB Heerenveen',
    phone: '06-12345678',
    email: 'marieke.devries@example.nl',
  });
  await record(schuldhulp.id, P.schuldhulp, 'DebtSituation', [M.marieke, M.johan], {
    totalDebt: 23400,
    creditorCount: 9,
    arrangement: 'Minnelijke schuldregeling, met een budgetcoach',
    budgetManagement: true,
    monthlyInstalment: 185,
  });
  await record(participatie.id, P.participatie, 'IncomeAndWork', [M.johan], {
    benefit: 'Bijstandsuitkering (Participatiewet)',
    reintegrationRoute: 'Werkfit-traject, richting logistiek',
    jobCoach: 'Jobcoach van Participatie Heerenveen',
  });
  // The family plan: written by the family and the professionals, as through the API (demo-plan.ts).
  await writeDemoPlan(manager, crypto, key, today);
  // The circle's thread about Marieke's budget plan (demo-messages.ts).
  await writeDemoMessages(manager, crypto, key, today);
  // The escalation about Marieke's budget coaching, taken on by the WMO team lead (demo-escalation.ts).
  await writeDemoEscalation(manager, crypto, key, today);
  // The social map: about forty services of Heerenveen and Friesland, published as through the API (demo-services.ts).
  await writeDemoServices(manager, today);
  // Daan's referral to school social work, its consent waiting for his and a parent's signature (demo-referral.ts).
  await writeDemoReferral(manager, crypto, key, policyVersion, today);

  // Our story (DESIGN.md §9): Marieke and Sanne wrote theirs in their own words. Marieke shares hers with
  // Team Toegang (below); Sanne has not shared hers with anyone yet, so a professional sees that it exists.
  const story = (writer: string, about: string, text: string) =>
    files.addRecord(manager, key, { familyId: DEMO_FAMILY_ID, sourceOrganisationId: null, authorProfessionalId: null, authorMemberId: writer, sectionType: OUR_STORY.name, subjectMemberIds: [about], values: { text } });
  await story(
    M.marieke,
    M.marieke,
    'Ik ben Marieke. Ik zorg voor Sanne, Daan en Lotte; Johan woont ergens anders. Ik wil dat de schulden geregeld worden, zodat ik weer rustig kan slapen. ' +
      'Bel mij liever niet op dinsdag en donderdag, want dan werk ik. Over Daan en school wil hij zelf iets zeggen.',
  );
  await story(M.sanne, M.sanne, 'Ik ben Sanne en ik ben 17. Ik zit op het mbo, zorg en welzijn. Ik pas vaak op Lotte als mama werkt. Praat eerst met mij als het over mij gaat, niet alleen met mijn moeder.');

  // Consents: active, pending and expired, so a reader sees allowed, redacted and denied fields at once.
  const consent = async (
    id: string,
    subject: string,
    recipient: { organisationId: string } | { domain: Domain },
    categories: C[],
    purposes: string[],
    validFromDaysAgo: number,
    validDays: number,
    signatures: [string, SignatureCapacity][],
  ) => {
    const validFrom = new Date(today.getTime() - validFromDaysAgo * DAY);
    await manager.insert(ConsentEntity, {
      id,
      familyId: DEMO_FAMILY_ID,
      subjectMemberId: subject,
      recipientOrganisationId: 'organisationId' in recipient ? recipient.organisationId : null,
      recipientDomain: 'domain' in recipient ? recipient.domain : null,
      categories,
      purposes,
      validFrom,
      validUntil: new Date(validFrom.getTime() + validDays * DAY),
      grantedByMemberId: signatures[0]?.[0] ?? subject,
      collectionMethod: 'PAPER_FORM',
      policyVersion,
      revokedAt: null,
      revokedByMemberId: null,
    });
    await manager.insert(
      ConsentSignatureEntity,
      signatures.map(([memberId, capacity]) => ({ consentId: id, memberId, capacity, signedAt: validFrom })),
    );
  };
  const WMO_CASE = ['CASE_COORDINATION', 'SUPPORT_PLANNING'];
  const C_ID = (n: number) => `0b6f3c1e-0005-4c8a-9a51-00000000000${n}`;
  const PARENT = SignatureCapacity.PARENT_WITH_AUTHORITY;
  const SELF = SignatureCapacity.SUBJECT;
  await consent(C_ID(1), M.marieke, { organisationId: toegang.id }, [C.PERSONAL_IDENTITY, C.CONTACT, C.HOUSEHOLD, C.INVOLVEMENT, C.FINANCES, C.SHARED_PLAN], WMO_CASE, 30, 335, [[M.marieke, SELF]]);
  await consent(C_ID(2), M.johan, { domain: Domain.WMO }, [C.PERSONAL_IDENTITY, C.INVOLVEMENT, C.FINANCES, C.WORK_PARTICIPATION], ['CASE_COORDINATION'], 20, 345, [[M.johan, SELF]]);
  await consent(C_ID(3), M.sanne, { organisationId: toegang.id }, [C.PERSONAL_IDENTITY, C.INVOLVEMENT], ['CASE_COORDINATION'], 10, 355, [[M.sanne, SELF]]);
  // Daan (14) and Marieke both signed for the overview; his care trajectory waits for a parent's co-signature.
  await consent(C_ID(4), M.daan, { organisationId: toegang.id }, [C.PERSONAL_IDENTITY, C.INVOLVEMENT], ['CASE_COORDINATION'], 12, 353, [[M.daan, SELF], [M.marieke, PARENT]]);
  await consent(C_ID(5), M.daan, { organisationId: toegang.id }, [C.CARE_TRAJECTORY], ['CASE_COORDINATION'], 5, 360, [[M.daan, SELF]]);
  // Marieke consented for Lotte (8): the overview still counts; her care trajectory's consent expired.
  await consent(C_ID(6), M.lotte, { organisationId: toegang.id }, [C.PERSONAL_IDENTITY, C.INVOLVEMENT, C.HOUSEHOLD], ['CASE_COORDINATION'], 25, 340, [[M.marieke, PARENT]]);
  await consent(C_ID(7), M.lotte, { organisationId: toegang.id }, [C.CARE_TRAJECTORY], ['CASE_COORDINATION'], 400, 365, [[M.marieke, PARENT]]);
  // Marieke lets debt assistance see the shared plan.
  await consent(C_ID(8), M.marieke, { domain: Domain.DEBT_ASSISTANCE }, [C.SHARED_PLAN, C.PERSONAL_IDENTITY], ['CASE_COORDINATION'], 30, 335, [[M.marieke, SELF]]);
  // Marieke shares her story with Team Toegang, for case coordination and the plan: only a consent ever shares it.
  await consent(C_ID(9), M.marieke, { organisationId: toegang.id }, [C.OWN_WORDS], WMO_CASE, 3, 362, [[M.marieke, SELF]]);
}

/** A birth date that makes the member `years` old today, with their birthday `daysAfterBirthday` days behind them. */
function birthDate(today: Date, years: number, daysAfterBirthday: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()) - daysAfterBirthday * DAY);
  return d.toISOString().slice(0, 10);
}

function isoDate(today: Date, offsetDays: number): string {
  return new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
}
