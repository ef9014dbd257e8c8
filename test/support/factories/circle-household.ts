import { Domain } from '@kring/identity';
import { addDays } from './dates';
import { householdOfFive } from './household';
import type { World } from './world';
import type { MadeFamily, Partner } from './world.types';

/** An organisation of `domain` whose one professional has a work contact (how the family reaches them). */
export async function partnerWithContact(world: World, domain: Domain, contact: string): Promise<Partner> {
  const organisation = await world.organisation({ domain });
  const professional = await world.professional(organisation, { contact });
  return { organisation, professional, id: organisation.id, domain };
}

/** The organisations around a household of the circle's suites. */
export interface CirclePartners {
  readonly wmo: Partner;
  readonly youthCare: Partner;
  readonly childSafety: Partner;
  readonly debt: Partner;
}

/** The organisations of the circle's suites, each with a professional who can be reached: WMO, youth care, Veilig Thuis and debt assistance. */
export async function circlePartners(world: World): Promise<CirclePartners> {
  return {
    wmo: await partnerWithContact(world, Domain.WMO, '0513 61 7600'),
    youthCare: await partnerWithContact(world, Domain.YOUTH_CARE, '058 123 4501'),
    childSafety: await partnerWithContact(world, Domain.CHILD_SAFETY, '0800 2000'),
    debt: await world.partner(Domain.DEBT_ASSISTANCE),
  };
}

/**
 * A household of five of its own: the WMO team holds case direction (200 days), youth care
 * (150 days) and Veilig Thuis (10 days) are involved today, debt assistance stopped yesterday.
 */
export async function circleHousehold(world: World, partners: CirclePartners): Promise<{ made: MadeFamily; involvements: Record<keyof CirclePartners, string> }> {
  const made = await householdOfFive(world, partners.wmo);
  const today = world.today();
  const involvements = {
    wmo: (await world.involve(made, partners.wmo, { startsOn: addDays(today, -200), caseDirection: true })).id,
    youthCare: (await world.involve(made, partners.youthCare, { startsOn: addDays(today, -150) })).id,
    childSafety: (await world.involve(made, partners.childSafety, { startsOn: addDays(today, -10) })).id,
    debt: (await world.involve(made, partners.debt, { startsOn: addDays(today, -300), endsOn: today })).id,
  };
  return { made, involvements };
}
