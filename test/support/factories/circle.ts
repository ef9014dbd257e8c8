import { DataCategory as C } from '@kring/family-file';
import { Domain, ProfessionalRole as R } from '@kring/identity';
import { addDays, daysInMs } from './dates';
import { householdOfFive } from './household';
import type { World } from './world';
import type { MadeFamily, MadeMember, MadeProfessional, Partner } from './world.types';

export interface Circle {
  readonly family: MadeFamily;
  readonly mother: MadeMember;
  readonly father: MadeMember;
  /** 17: decides alone. */
  readonly older: MadeMember;
  /** 14: signs together with a parent. */
  readonly teen: MadeMember;
  /** 8: a parent signs. */
  readonly young: MadeMember;
  /** WMO team: registered the family, holds case direction. */
  readonly wmo: Partner;
  readonly youthCare: Partner;
  readonly debtAssistance: Partner;
  readonly participation: Partner;
  /** Veilig Thuis: registered, not involved. */
  readonly childSafety: Partner;
  /** The WMO team's privacy officer (FG). */
  readonly officer: MadeProfessional;
  readonly chainOfficer: MadeProfessional;
  readonly admin: MadeProfessional;
  readonly records: {
    readonly teenCare: string;
    readonly youngCare: string;
    readonly motherSupport: string;
    readonly motherContact: string;
    readonly debts: string;
    readonly fatherIncome: string;
    readonly plan: string;
  };
  readonly consents: {
    /** The mother's consent that lets the WMO team see her contact details, finances and plan. */
    readonly motherToWmo: string;
    /** The 17-year-old's own consent to the WMO team. */
    readonly olderToWmo: string;
  };
}

/**
 * A circle of care in the shape DESIGN.md §7 describes, made fresh (its own
 * organisations, names and BSNs) so a rule suite owns it: a household of five,
 * four involved organisations, a record of each kind, and consents that are
 * active, waiting for a parent's signature, and expired, so one read shows
 * allowed, redacted and denied fields at once.
 */
export async function circleOfCare(world: World): Promise<Circle> {
  const wmo = await world.partner(Domain.WMO);
  const youthCare = await world.partner(Domain.YOUTH_CARE);
  const debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE);
  const participation = await world.partner(Domain.PARTICIPATION);
  const childSafety = await world.partner(Domain.CHILD_SAFETY);
  const officer = await world.professional(wmo.organisation, { roles: [R.PRIVACY_OFFICER] });
  const chainOfficer = await world.professional(wmo.organisation, { roles: [R.CHAIN_PRIVACY_OFFICER] });
  const admin = await world.professional(wmo.organisation, { roles: [R.ADMIN] });

  const family = await householdOfFive(world, wmo);
  const [mother, father, older, teen, young] = ['mother', 'father', 'older', 'teen', 'young'].map((label) => family.member(label)) as [MadeMember, MadeMember, MadeMember, MadeMember, MadeMember];
  const today = world.today();
  await world.involve(family, wmo, { startsOn: addDays(today, -200), caseDirection: true });
  await world.involve(family, youthCare, { startsOn: addDays(today, -150) });
  await world.involve(family, debtAssistance, { startsOn: addDays(today, -120) });
  await world.involve(family, participation, { startsOn: addDays(today, -90) });

  const record = async (source: Partner, sectionType: string, subjects: MadeMember[], values: Parameters<World['record']>[1]['values']) =>
    (await world.record(family, { source, sectionType, subjects, values })).id;
  const records = {
    teenCare: await record(youthCare, 'CareTrajectory', [teen], {
      provider: 'Jeugdhulp Friesland, ambulante gezinsbegeleiding',
      goals: ['Gaat weer elke schooldag naar school'],
      frequency: 'Wekelijks, op dinsdag',
      diagnosis: 'ADHD, gecombineerd beeld',
      medication: 'Methylfenidaat 10 mg, twee keer per dag',
    }),
    youngCare: await record(youthCare, 'CareTrajectory', [young], { provider: 'Jeugdhulp Friesland, speltherapie', diagnosis: 'Aanpassingsstoornis met angstklachten' }),
    motherSupport: await record(wmo, 'SupportProvision', [mother], { provision: 'Huishoudelijke ondersteuning', hoursPerWeek: 4 }),
    motherContact: await record(debtAssistance, 'ContactDetails', [mother], { address: 'Kerkstraat 12, 8441 AB Heerenveen', phone: '06-12345678', email: 'moeder@example.nl' }),
    debts: await record(debtAssistance, 'DebtSituation', [mother, father], { totalDebt: 23400, creditorCount: 9, arrangement: 'Minnelijke schuldregeling', budgetManagement: true, monthlyInstalment: 185 }),
    fatherIncome: await record(participation, 'IncomeAndWork', [father], { benefit: 'Bijstandsuitkering (Participatiewet)', reintegrationRoute: 'Werkfit-traject', jobCoach: 'Jobcoach van Participatie' }),
    plan: await record(wmo, 'FamilyPlan', [mother, father], { familyGoals: ['Rust in huis', 'Geen nieuwe schulden'], actions: ['Budgetcoach elke twee weken'] }),
  };

  const now = world.now().getTime();
  const from = (daysAgo: number, days: number) => ({ validFrom: new Date(now - daysInMs(daysAgo)), validUntil: new Date(now + daysInMs(days - daysAgo)) });
  const coordination = ['CASE_COORDINATION'];
  const motherToWmo = await world.consent(family, { subject: mother, recipient: wmo, categories: [C.PERSONAL_IDENTITY, C.CONTACT, C.HOUSEHOLD, C.INVOLVEMENT, C.FINANCES, C.SHARED_PLAN], purposes: ['CASE_COORDINATION', 'SUPPORT_PLANNING'], ...from(30, 335) });
  await world.consent(family, { subject: father, recipient: { domain: Domain.WMO }, categories: [C.PERSONAL_IDENTITY, C.INVOLVEMENT, C.FINANCES, C.WORK_PARTICIPATION], purposes: coordination, ...from(20, 345) });
  const olderToWmo = await world.consent(family, { subject: older, recipient: wmo, categories: [C.PERSONAL_IDENTITY, C.INVOLVEMENT], purposes: coordination, ...from(10, 355) });
  // The 14-year-old and the mother both signed for the overview; the care trajectory waits for a parent's co-signature.
  await world.consent(family, { subject: teen, recipient: wmo, categories: [C.PERSONAL_IDENTITY, C.INVOLVEMENT], purposes: coordination, signedBy: [teen, mother], ...from(12, 353) });
  await world.consent(family, { subject: teen, recipient: wmo, categories: [C.CARE_TRAJECTORY], purposes: coordination, signedBy: [teen], ...from(5, 360) });
  // The mother consented for the 8-year-old: the overview still counts; the care trajectory's consent expired.
  await world.consent(family, { subject: young, recipient: wmo, categories: [C.PERSONAL_IDENTITY, C.INVOLVEMENT, C.HOUSEHOLD], purposes: coordination, signedBy: [mother], ...from(25, 340) });
  await world.consent(family, { subject: young, recipient: wmo, categories: [C.CARE_TRAJECTORY], purposes: coordination, signedBy: [mother], ...from(400, 365) });
  // The mother lets debt assistance see the shared plan.
  await world.consent(family, { subject: mother, recipient: { domain: Domain.DEBT_ASSISTANCE }, categories: [C.SHARED_PLAN, C.PERSONAL_IDENTITY], purposes: coordination, ...from(30, 335) });

  return { family, mother, father, older, teen, young, wmo, youthCare, debtAssistance, participation, childSafety, officer, chainOfficer, admin, records, consents: { motherToWmo: motherToWmo.id, olderToWmo: olderToWmo.id } };
}
