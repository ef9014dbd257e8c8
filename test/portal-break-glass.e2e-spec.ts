/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_PROFESSIONALS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const JUSTIFICATION = 'Daan belde school in paniek: er wordt thuis geslagen en moeder neemt de telefoon niet op.';
const NOTICE_TITLE = 'Noodtoegang tot gegevens van uw gezin';

/**
 * Break-glass in the portal (issue 19, item 1): the youth-care professional opens emergency
 * access naming the colleague consulted (through the API: the file's form is the lead's); the
 * chain privacy officer finds it in the review queue with the justification, the colleague and
 * what was read, and records the verdict; Marieke sees nothing of it before, and the notice with
 * the justification after, on her start page and in "Wie heeft gekeken". Every page is checked with axe.
 */
describeBrowser('Portal (issue 19): the break-glass review queue and the family\'s notice', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_break_glass' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const ask = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await portal.gateway.graphql<T>(query, { token: await portal.gateway.tokenFor(persona), variables });
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };

  const startPageOf = async (page: Page) => {
    await menu(page, 'Wat er over mij staat');
    await page.getByRole('heading', { level: 1, name: 'Wat er over mij staat' }).waitFor();
    // The file has loaded (its first member's heading) before anything is judged absent.
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  };

  it('the officer reviews from the queue; Marieke is told only then, with the justification', async () => {
    const { breakGlass: grant } = await ask<{ breakGlass: { id: string } }>('jeugdhulp', `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, justification: JUSTIFICATION, consultedProfessionalId: DEMO_PROFESSIONALS.wmo },
    });
    await ask('jeugdhulp', `query($id: ID!) { family(id: $id, purpose: "CHILD_PROTECTION") { id } }`, { id: DEMO_FAMILY_ID });

    // Before the review: nothing on Marieke's start page, nothing in her log view.
    const { page: marieke } = await portal.newPage();
    await signInAs(marieke, 'marieke');
    await startPageOf(marieke);
    await marieke.waitForLoadState('networkidle');
    expect(await marieke.getByRole('heading', { name: NOTICE_TITLE }).count()).toBe(0);
    expect(await marieke.content()).not.toContain('paniek');
    await menu(marieke, 'Wie heeft gekeken');
    await marieke.getByRole('heading', { level: 1, name: 'Wie heeft gekeken' }).waitFor();
    await marieke.waitForLoadState('networkidle');
    expect(await marieke.getByRole('heading', { name: NOTICE_TITLE }).count()).toBe(0);
    expect(await marieke.content()).not.toContain('Noodtoegang');

    // The chain privacy officer's queue: the grant, the colleague consulted, what was read, the verdict form.
    const { page: officer } = await portal.newPage();
    await signInAs(officer, 'keten-fg');
    await menu(officer, 'Noodtoegang beoordelen');
    await officer.getByRole('heading', { level: 1, name: 'Noodtoegang beoordelen' }).waitFor();
    const card = officer.locator('section.kring-bg-grant').filter({ hasText: JUSTIFICATION });
    await card.waitFor();
    const words = await card.innerText();
    for (const text of ['Jeugdhulp Friesland', 'Nu open', 'Pieter de Jong, Gemeente Heerenveen Team Toegang', 'Contactgegevens', 'Het gezin hoort het pas na uw oordeel.', 'Wat is er gelezen met deze noodtoegang']) expect(words).toContain(text);
    expect(await card.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    expect(await card.innerText()).toContain(DEMO_FAMILY_ID);
    await expectAccessible(officer, 'break-glass queue');
    await screenshot(officer, 'break-glass-queue', { scrollTo: card });

    // Nothing chosen: refused in words at each question.
    await card.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await card.getByText('Kies terecht of niet terecht.').waitFor();
    await card.getByText('Schrijf een toelichting van 1 tot 2000 tekens.').waitFor();
    await expectAccessible(officer, 'break-glass verdict form, refused');
    await card.getByRole('radio', { name: 'Terecht', exact: true }).check();
    await card.getByLabel('Uw toelichting').fill('Terecht: acuut gevaar, Veilig Thuis is dezelfde dag ingeschakeld.');
    await card.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    // Reviewed, it leaves the open grants: its card shows the verdict, without a verdict form.
    const reviewed = officer.locator('section.kring-bg-grant').filter({ hasText: JUSTIFICATION });
    await reviewed.getByText(/Oordeel: Terecht, op/).waitFor();
    expect(await reviewed.getByRole('button', { name: 'Oordeel vastleggen' }).count()).toBe(0);
    expect(await reviewed.innerText()).toContain('Het gezin ziet het.');
    await expectAccessible(officer, 'break-glass queue, reviewed');
    await officer.getByRole('button', { name: 'Switch to English' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Review emergency access' }).waitFor();
    await expectAccessible(officer, 'break-glass queue, English');

    const grants = await ask<{ breakGlassGrants: { id: string; status: string }[] }>('keten-fg', `{ breakGlassGrants { id status } }`);
    expect(grants.breakGlassGrants.find((g) => g.id === grant.id)?.status).toBe('REVIEWED');

    // After the review: the notice on Marieke's start page and in her log view, with the justification.
    await marieke.reload();
    await signInAs(marieke, 'marieke');
    await startPageOf(marieke);
    const notice = marieke.locator('section[aria-labelledby="break-glass-notices-title"]');
    await notice.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    const told = await notice.innerText();
    for (const text of ['Jeugdhulp Friesland heeft op', 'in een noodsituatie gegevens van uw gezin ingezien', JUSTIFICATION, 'De privacy-officer vond het terecht.', 'Neem contact op met Jeugdhulp Friesland']) expect(told).toContain(text);
    expect(told).not.toContain('Pieter de Jong');
    await expectAccessible(marieke, 'start page with the break-glass notice');
    await screenshot(marieke, 'member-break-glass-notice', { scrollTo: notice });
    await menu(marieke, 'Wie heeft gekeken');
    await marieke.getByRole('heading', { level: 1, name: 'Wie heeft gekeken' }).waitFor();
    await notice.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    // The visits under the grant are in her log now, marked as emergency access.
    await marieke.locator('.kring-m-badge-break-glass').first().waitFor();
    await expectAccessible(marieke, 'log view with the break-glass notice');
    await marieke.getByRole('button', { name: 'Switch to English' }).click();
    await marieke.getByRole('heading', { name: 'Emergency access to your family\'s data' }).waitFor();
    expect(await notice.innerText()).toContain('The privacy officer found it justified.');
    await expectAccessible(marieke, 'log view with the break-glass notice, English');

    // Each reading of the notice is in the log.
    const read = await portal.gateway.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM access_log_entry WHERE activity = 'READ_BREAK_GLASS_NOTICE' AND actor_id = $1`, ['0b6f3c1e-0003-4c8a-9a51-000000000001']);
    expect(Number(read[0]?.n)).toBeGreaterThan(0);
  }, 240_000);

  it('the officer defers the family\'s notice with a reason, until a date: after the review Marieke still sees nothing of it', async () => {
    const justification = 'Lotte vertelde de mentor dat ze niet naar huis durft; moeder is onbereikbaar sinds gisteren.';
    await ask('jeugdhulp', `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, justification, consultedProfessionalId: DEMO_PROFESSIONALS.veiligthuis, categories: ['SAFETY'] },
    });
    const { page: officer } = await portal.newPage();
    await signInAs(officer, 'keten-fg');
    await menu(officer, 'Noodtoegang beoordelen');
    const card = officer.locator('section.kring-bg-grant').filter({ hasText: justification });
    await card.waitFor();
    expect(await card.innerText()).toContain('Veilig Thuis Friesland');

    // Nothing filled in: refused in words at each field.
    await card.getByRole('button', { name: 'Bericht uitstellen' }).click();
    await card.getByText('Kies een datum na vandaag, hooguit 91 dagen vooruit.').waitFor();
    await card.getByText('Schrijf een reden van 1 tot 2000 tekens.').waitFor();
    await expectAccessible(officer, 'deferral form, refused');
    const until = new Date(Date.now() + 14 * 24 * 3600_000).toISOString().slice(0, 10);
    await card.getByLabel('Uitstellen tot').fill(until);
    await card.getByLabel('Reden van uitstel').fill('Veilig Thuis onderzoekt nog; moeder mag het nog niet weten.');
    await card.getByRole('button', { name: 'Bericht uitstellen' }).click();
    const [year, month, day] = until.split('-').map(Number) as [number, number, number];
    const shown = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
    // The date shown is the date chosen.
    await card.getByText(`Het bericht aan het gezin is uitgesteld tot ${shown}.`).waitFor();
    // The card says so, before the review too: the notice waits for both.
    await card.getByText(/Het gezin hoort het pas na uw oordeel\. Uitgesteld tot .*: Veilig Thuis onderzoekt nog/).waitFor();
    await expectAccessible(officer, 'deferral recorded');
    await screenshot(officer, 'break-glass-defer-notice', { scrollTo: card.getByRole('heading', { name: 'Wat is er gelezen met deze noodtoegang' }) });

    await card.getByRole('radio', { name: 'Terecht', exact: true }).check();
    await card.getByLabel('Uw toelichting').fill('Terecht: het kind durfde niet naar huis.');
    await card.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    const reviewed = officer.locator('section.kring-bg-grant').filter({ hasText: justification });
    await reviewed.getByText(/Uitgesteld tot .*: Veilig Thuis onderzoekt nog/).waitFor();

    const { page: marieke } = await portal.newPage();
    await signInAs(marieke, 'marieke');
    await startPageOf(marieke);
    await marieke.waitForLoadState('networkidle');
    expect(await marieke.content()).not.toContain('niet naar huis');
  }, 180_000);
});
