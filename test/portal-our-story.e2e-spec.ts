/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_MEMBERS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

interface StoryRecord {
  id: string;
  subjectMemberIds: string[];
  authorMemberId: string | null;
  supersededAt: string | null;
  section: { text?: string | null };
}

/**
 * Our story in the portal (issue 16, item 2; docs/our-story.md): a member writes and updates
 * their story and one for a child in their reach on *Ons verhaal*, and sees who read it; the
 * professional's family file shows the stories first, shared or not, with their dates.
 */
describeBrowser('Portal (issue 16): our story', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_our_story' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  /** The stories of the demo family as a persona's own view (members) or the WMO file (professionals) holds them. */
  const storiesAs = async (persona: string): Promise<StoryRecord[]> => {
    const selection = `records { id subjectMemberIds authorMemberId supersededAt section { ... on OurStory { text } } }`;
    const query = persona === 'wmo' ? `{ family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { ${selection} } }` : `{ myFamily { ${selection} } }`;
    const answer = await portal.gateway.graphql<{ family?: { records: StoryRecord[] }; myFamily?: { records: StoryRecord[] } }>(query, { token: await portal.gateway.tokenFor(persona) });
    expect(answer.errors).toBeUndefined();
    return (answer.data?.family ?? answer.data?.myFamily)?.records.filter((r) => r.section.text !== undefined) ?? [];
  };
  const openOurStory = async (page: Page, persona: string) => {
    await signInAs(page, persona);
    await menu(page, 'Ons verhaal');
    await page.getByRole('heading', { level: 1, name: 'Ons verhaal' }).waitFor();
  };

  it('Marieke reads her story and changes it: a new version, the earlier one kept; in Dutch and English', async () => {
    const { page } = await portal.newPage();
    await openOurStory(page, 'marieke');
    const own = page.getByTestId(`story-text-${DEMO_MEMBERS.marieke}`);
    const before = await own.innerText();
    expect(before).toContain('Ik ben Marieke.');
    await page.getByRole('heading', { name: 'Wie heeft dit gelezen?' }).first().waitFor();
    await expectAccessible(page, 'our story');
    await screenshot(page, 'member-our-story');

    const changed = `${before}\nNieuw: Daan gaat weer elke dag naar school.`;
    await page.getByLabel('Wat wilt u dat hulpverleners weten?').fill(changed);
    await page.getByRole('button', { name: 'Verhaal opslaan' }).first().click();
    await page.getByText('Uw verhaal is opgeslagen.').waitFor();
    await own.filter({ hasText: 'Nieuw: Daan gaat weer elke dag naar school.' }).waitFor();
    const versions = page.getByTestId(`story-${DEMO_MEMBERS.marieke}`).locator('details');
    await versions.locator('summary', { hasText: /^Eerdere versies \(\d+\)$/ }).click();
    expect(await versions.innerText()).toContain(before);
    await expectAccessible(page, 'our story after a change');

    // The API agrees: one current version of her own story, the earlier one replaced.
    const mine = (await storiesAs('marieke')).filter((s) => s.authorMemberId === DEMO_MEMBERS.marieke && s.subjectMemberIds.join() === DEMO_MEMBERS.marieke);
    expect(mine.filter((s) => s.supersededAt === null).map((s) => s.section.text)).toEqual([changed]);
    expect(mine.some((s) => s.supersededAt !== null && s.section.text === before)).toBe(true);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Our story' }).waitFor();
    await page.getByRole('heading', { name: 'Your story' }).waitFor();
    await expectAccessible(page, 'our story, English');
  });

  it('an empty story is refused in words at the field, and nothing is sent', async () => {
    const before = (await storiesAs('marieke')).length;
    const { page } = await portal.newPage();
    await openOurStory(page, 'marieke');
    await page.getByLabel('Wat wilt u dat hulpverleners weten?').fill('   ');
    await page.getByRole('button', { name: 'Verhaal opslaan' }).first().click();
    await page.getByText('Schrijf minstens 1 en hoogstens 4000 tekens.').first().waitFor();
    await expectAccessible(page, 'our story, refused');
    expect((await storiesAs('marieke')).length).toBe(before);
  });

  it('Marieke writes about Lotte (8), who is in her reach; Sanne (17) decides for herself and is not on her page', async () => {
    const { page } = await portal.newPage();
    await openOurStory(page, 'marieke');
    await page.getByRole('heading', { name: 'Het verhaal over Lotte de Vries' }).waitFor();
    expect(await page.getByRole('heading', { name: /Sanne/ }).count()).toBe(0);
    const text = 'Lotte tekent graag. Zij slaapt slecht als het thuis onrustig is.';
    await page.getByLabel('Wat wilt u dat hulpverleners over Lotte de Vries weten?').fill(text);
    await page.getByTestId(`story-${DEMO_MEMBERS.lotte}`).getByRole('button', { name: 'Verhaal opslaan' }).click();
    await page.getByTestId(`story-${DEMO_MEMBERS.lotte}`).getByText('Uw verhaal is opgeslagen.').waitFor();
    await page.getByTestId(`story-text-${DEMO_MEMBERS.lotte}`).filter({ hasText: text }).waitFor();
    expect((await storiesAs('marieke')).some((s) => s.subjectMemberIds.join() === DEMO_MEMBERS.lotte && s.section.text === text && s.supersededAt === null)).toBe(true);
  });

  it('Daan (14) writes his own story; Marieke reads it under what others wrote, with his name', async () => {
    const text = `Ik ben Daan. Ik wil zelf vertellen hoe het op school gaat (${Date.now()}).`;
    const { page: daan } = await portal.newPage();
    await openOurStory(daan, 'daan');
    await daan.getByLabel('Wat wilt u dat hulpverleners weten?').fill(text);
    await daan.getByRole('button', { name: 'Verhaal opslaan' }).click();
    await daan.getByText('Uw verhaal is opgeslagen.').waitFor();
    await expectAccessible(daan, 'our story, a 14-year-old');

    const { page: marieke } = await portal.newPage();
    await openOurStory(marieke, 'marieke');
    const about = marieke.getByTestId(`story-${DEMO_MEMBERS.daan}`);
    await about.getByRole('heading', { name: 'Wat anderen schreven' }).waitFor();
    await about.getByText(/^Daan de Vries schreef op /).first().waitFor();
    await about.getByText(text).waitFor();
  });

  it('the WMO professional reads the stories first in the family file, Marieke\'s by her consent and Sanne\'s not shared; Marieke then sees who read hers', async () => {
    const stories = await storiesAs('wmo');
    const mariekes = stories.find((s) => s.subjectMemberIds.join() === DEMO_MEMBERS.marieke && s.authorMemberId === DEMO_MEMBERS.marieke) as StoryRecord;
    const sannes = stories.find((s) => s.subjectMemberIds.join() === DEMO_MEMBERS.sanne) as StoryRecord;
    expect(mariekes.section.text).toContain('Ik ben Marieke.');
    expect(sannes.section.text).toBeNull();

    const { page: wmo } = await portal.newPage();
    await signInAs(wmo, 'wmo');
    await openFamilyForCaseCoordination(wmo);
    await wmo.getByTestId(`value-records.${mariekes.id}.text`).waitFor();
    // First in the file: the first section heading after the purpose is our story's.
    expect(await wmo.locator('main h2').first().innerText()).toBe('Ons verhaal');
    const card = wmo.locator(`[data-record-id="${mariekes.id}"]`);
    expect(await card.innerText()).toContain('Over Marieke de Vries');
    expect(await wmo.getByTestId(`value-records.${mariekes.id}.text`).innerText()).toBe(mariekes.section.text as string);
    expect(await wmo.getByTestId(`not-shared-records.${sannes.id}.text`).innerText()).toContain('Het gezin heeft hiervoor geen toestemming gegeven.');
    await expectAccessible(wmo, 'family file with our story');
    await screenshot(wmo, 'professional-our-story', { scrollTo: wmo.locator('#file-our-story') });

    const { page: marieke } = await portal.newPage();
    await openOurStory(marieke, 'marieke');
    await marieke.getByTestId(`story-${DEMO_MEMBERS.marieke}`).getByText(/^Gemeente Heerenveen Team Toegang, op /).first().waitFor();
    await menu(marieke, 'Wie heeft gekeken');
    await marieke.getByText('Ons verhaal, in eigen woorden').first().waitFor();
  });
});
