/// <reference lib="dom" />
import { DEMO_FAMILY_ID, DEMO_MEMBERS } from '@kring/demo-world';
import type { BrowserContext, Page } from 'playwright-core';
import { describeBrowser, expectAccessible, menu, openFamilyForCaseCoordination, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const BUDGET_TOPIC = 'Het budgetplan van Marieke';
const THREADS = `{ ourThreads { id topic joined unreadCount } }`;
const FAMILY_THREADS = `query($familyId: ID!) { familyThreads(familyId: $familyId) { id topic participants { memberId } } }`;
const MESSAGES = `query($threadId: ID!) { threadMessages(threadId: $threadId, last: 100) { edges { node { id body withdrawnAt author { memberId } } } } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }`;

interface ThreadRow {
  id: string;
  topic: string | null;
  joined: boolean;
  unreadCount: number | null;
}
interface MessageRow {
  id: string;
  body: string | null;
  withdrawnAt: string | null;
  author: { memberId: string | null };
}

/**
 * The family's messages in the portal (issue 17, item 3; docs/messages.md, docs/portal.md):
 * Marieke reads and answers the budget thread on *Berichten*; the debt counsellor reads her
 * answer in the family file; a withdrawn message is a tombstone; Jeugdhulp, not taking part,
 * finds nothing; the WMO professional starts a thread (a refusal shown at its question first);
 * and a professional's post reaches Marieke's open page without a reload.
 */
describeBrowser('Portal (issue 17): the family\'s messages', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_messages' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  // An open thread page reads what arrives (and so marks it read): none may outlive its test.
  let open: BrowserContext[] = [];
  const newPage = async () => {
    const opened = await portal.newPage();
    open.push(opened.context);
    return opened;
  };
  afterEach(async () => {
    for (const context of open) await context.close();
    open = [];
  });

  const ask = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await portal.gateway.graphql<T>(query, { token: await portal.gateway.tokenFor(persona), variables });
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };
  const budgetThread = async (): Promise<ThreadRow> => {
    const { ourThreads } = await ask<{ ourThreads: ThreadRow[] }>('marieke', THREADS);
    return ourThreads.find((th) => th.topic === BUDGET_TOPIC) as ThreadRow;
  };
  const messagesAs = async (persona: string, threadId: string) => (await ask<{ threadMessages: { edges: { node: MessageRow }[] } }>(persona, MESSAGES, { threadId })).threadMessages.edges.map((e) => e.node);
  const post = (persona: string, threadId: string, body: string) => ask<{ postMessage: { id: string } }>(persona, POST, { input: { threadId, body } });

  const openBudgetThreadAsMarieke = async (page: Page) => {
    await signInAs(page, 'marieke');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Berichten/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    await page.getByRole('link', { name: BUDGET_TOPIC }).click();
    await page.getByRole('heading', { level: 1, name: BUDGET_TOPIC }).waitFor();
    await page.locator('.kring-message').first().waitFor();
  };
  const openBudgetThreadInFile = async (page: Page, persona: string) => {
    await signInAs(page, persona);
    await openFamilyForCaseCoordination(page);
    await page.locator('section[aria-labelledby="file-messages"]').getByRole('link', { name: BUDGET_TOPIC }).click();
    await page.getByRole('heading', { level: 2, name: BUDGET_TOPIC }).waitFor();
    await page.locator('.kring-message').first().waitFor();
  };

  it('Marieke sees the budget thread with its unread count in the menu, reads it oldest first with the withdrawn message as a tombstone, and answers; the debt counsellor reads her answer; in Dutch and English', async () => {
    const { id: threadId } = await budgetThread();
    await post('wmo', threadId, 'Marieke, lukt dinsdag nog? Laat het even weten.');

    const { page } = await newPage();
    await signInAs(page, 'marieke');
    const menuItem = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Berichten/ });
    await menuItem.filter({ hasText: /\(\d+ nieuw\)/ }).waitFor();
    await menuItem.click();
    const card = page.getByTestId(`thread-${threadId}`);
    await card.getByText('U doet mee').waitFor();
    expect(await card.innerText()).toContain('Pieter de Jong (Gemeente Heerenveen Team Toegang)');
    expect(await card.innerText()).toMatch(/\d+ nieuwe? berichte?n?/);
    await expectAccessible(page, 'member messages');
    await screenshot(page, 'member-messages');

    await card.getByRole('link', { name: BUDGET_TOPIC }).click();
    await page.getByRole('heading', { level: 1, name: BUDGET_TOPIC }).waitFor();
    const messages = page.locator('.kring-message');
    await messages.first().waitFor();
    const texts = await messages.allInnerTexts();
    // Oldest first: Pieter's opening message before Anouk's answer; the message in the wrong thread a tombstone.
    expect(texts[0]).toContain('Anouk, zullen we het budgetplan samen met Marieke doorlopen?');
    expect(texts.findIndex((m) => m.includes('Dinsdag is goed.'))).toBeGreaterThan(0);
    expect(texts.some((m) => m.includes('Bericht ingetrokken.'))).toBe(true);
    expect(texts.join('\n')).not.toContain('Dit bericht was voor een ander gezin bedoeld.');
    // Read: the count leaves the menu.
    await menuItem.filter({ hasNotText: /nieuw/ }).waitFor();
    await expectAccessible(page, 'member thread');
    await screenshot(page, 'member-thread', { scrollTo: page.locator('#thread-messages') });

    const answer = `Ja, dinsdag lukt. Ik neem de brieven mee (${Date.now()}).`;
    await page.getByLabel('Uw bericht').fill(answer);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Uw bericht is verstuurd.').waitFor();
    await messages.filter({ hasText: answer }).waitFor();
    expect(await messages.filter({ hasText: answer }).count()).toBe(1);
    expect(await page.getByLabel('Uw bericht').inputValue()).toBe('');
    await expectAccessible(page, 'member thread after posting');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Messages in this conversation' }).waitFor();
    await page.getByText('Message withdrawn.').first().waitFor();
    await expectAccessible(page, 'member thread, English');

    const { page: debt } = await newPage();
    await openBudgetThreadInFile(debt, 'schuldhulp');
    const hers = debt.locator('.kring-message').filter({ hasText: answer });
    await hers.waitFor();
    expect(await hers.innerText()).toContain('Marieke de Vries');
    await expectAccessible(debt, 'professional thread');
    await screenshot(debt, 'professional-thread', { scrollTo: debt.locator('#thread-messages') });
  }, 180_000); // two sign-ins, a file opened, a post, each page checked with axe in two languages: longer than a one-page test

  it('Marieke withdraws her own message: it becomes a tombstone for her and the professionals, its text gone from the API', async () => {
    const { id: threadId } = await budgetThread();
    const { page } = await newPage();
    await openBudgetThreadAsMarieke(page);
    const text = `Oeps, verkeerd bericht (${Date.now()}).`;
    await page.getByLabel('Uw bericht').fill(text);
    await page.getByRole('button', { name: 'Versturen' }).click();
    const mine = page.locator('.kring-message').filter({ hasText: text });
    await mine.waitFor();
    const testId = (await mine.getAttribute('data-testid')) as string;
    await mine.getByRole('button', { name: 'Bericht intrekken' }).click();
    await mine.getByText('Weet u zeker dat u dit bericht wilt intrekken?').waitFor();
    await expectAccessible(page, 'withdraw confirmation');
    await mine.getByRole('button', { name: 'Ja, intrekken' }).click();
    const tombstone = page.getByTestId(testId);
    await tombstone.getByText('Bericht ingetrokken.').waitFor();
    expect(await tombstone.innerText()).not.toContain(text);
    await expectAccessible(page, 'member thread with a withdrawn message');

    const messageId = testId.replace(/^message-/, '');
    for (const persona of ['marieke', 'wmo']) {
      const row = (await messagesAs(persona, threadId)).find((m) => m.id === messageId) as MessageRow;
      expect(row.body).toBeNull();
      expect(row.withdrawnAt).not.toBeNull();
    }
    const { page: wmo } = await newPage();
    await openBudgetThreadInFile(wmo, 'wmo');
    await wmo.getByTestId(testId).getByText('Bericht ingetrokken.').waitFor();
  }, 120_000);

  it('Jeugdhulp, not taking part, finds no thread in the file, and its raw answer names none', async () => {
    const raw = await portal.gateway.graphql(FAMILY_THREADS, { token: await portal.gateway.tokenFor('jeugdhulp'), variables: { familyId: DEMO_FAMILY_ID } });
    expect(raw.errors).toBeUndefined();
    expect(JSON.stringify(raw.data)).not.toContain(BUDGET_TOPIC);
    expect(JSON.stringify(raw.data)).not.toContain((await budgetThread()).id);

    const { page } = await newPage();
    await signInAs(page, 'jeugdhulp');
    await openFamilyForCaseCoordination(page);
    const section = page.locator('section[aria-labelledby="file-messages"]');
    await section.getByText('U doet nog niet mee aan een gesprek over dit gezin.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(BUDGET_TOPIC);
    await expectAccessible(page, 'family file without threads');
  });

  it('the WMO professional starts a thread: a refusal is shown at its question first, then the thread opens and Marieke finds it to join', async () => {
    const { page } = await newPage();
    await signInAs(page, 'wmo');
    await openFamilyForCaseCoordination(page);
    const section = page.locator('section[aria-labelledby="file-messages"]');
    await section.getByRole('button', { name: 'Nieuw gesprek beginnen' }).click();
    const topic = `Huishoudelijke hulp vanaf maandag (${Date.now()})`;

    // Nothing filled in: said in words at each question, nothing sent.
    await section.getByRole('button', { name: 'Gesprek beginnen' }).click();
    await section.getByText('Schrijf een onderwerp van minstens 1 en hoogstens 200 tekens.').waitFor();
    await section.getByText('Kies minstens één gezinslid.').first().waitFor();
    await expectAccessible(page, 'start a thread, refused here');

    // Both parents in one thread: the API refuses (NOT_SHARED_WHOLE), shown at "Over wie gaat het?".
    await section.getByLabel('Onderwerp').fill(topic);
    await section.getByRole('checkbox', { name: 'Marieke de Vries' }).check();
    await section.getByRole('checkbox', { name: 'Johan de Vries' }).check();
    await section.getByLabel('Waar gaat het over?').selectOption('SHARED_PLAN');
    await section.getByRole('checkbox', { name: /^Anouk Visser/ }).check();
    await section.getByLabel('Eerste bericht').fill('Marieke, de huishoudelijke hulp begint maandag om negen uur.');
    await section.getByRole('button', { name: 'Gesprek beginnen' }).click();
    await section.getByText(/Deze gezinsleden kunnen niet samen in één gesprek/).waitFor();
    await expectAccessible(page, 'start a thread, refused by the API');

    await section.getByRole('checkbox', { name: 'Johan de Vries' }).uncheck();
    await section.getByRole('button', { name: 'Gesprek beginnen' }).click();
    await page.getByRole('heading', { level: 2, name: topic }).waitFor();
    await page.locator('.kring-message').filter({ hasText: 'de huishoudelijke hulp begint maandag' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Anouk Visser (Schuldhulpverlening Heerenveen)');
    await expectAccessible(page, 'a started thread');

    const { page: marieke } = await newPage();
    await signInAs(marieke, 'marieke');
    await marieke.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Berichten/ }).click();
    await marieke.getByRole('link', { name: topic }).click();
    await marieke.getByRole('heading', { name: 'Meedoen met dit gesprek' }).waitFor();
    expect(await marieke.locator('.kring-message').count()).toBe(0);
    await expectAccessible(marieke, 'a thread not joined');
    await marieke.getByRole('button', { name: 'Meedoen' }).click();
    await marieke.locator('.kring-message').filter({ hasText: 'de huishoudelijke hulp begint maandag' }).waitFor();
    const participants = await ask<{ familyThreads: { topic: string | null; participants: { memberId: string | null }[] | null }[] }>('wmo', FAMILY_THREADS, { familyId: DEMO_FAMILY_ID });
    expect(participants.familyThreads.find((th) => th.topic === topic)?.participants?.some((p) => p.memberId === DEMO_MEMBERS.marieke)).toBe(true);
  }, 180_000); // a file opened, a form refused twice and sent, a second sign-in, each checked with axe

  it('a professional\'s post reaches Marieke\'s open thread page live, without a reload, read out politely, and counts as read', async () => {
    const { id: threadId } = await budgetThread();
    const { page } = await newPage();
    await openBudgetThreadAsMarieke(page);
    // The page says new messages come by themselves once its live connection is open.
    await page.getByText('Nieuwe berichten verschijnen vanzelf.').waitFor();
    await page.evaluate(() => {
      (window as unknown as { kringMarker: number }).kringMarker = 1;
    });
    const text = `Anouk: ik heb de afspraak bevestigd (${Date.now()}).`;
    const before = Date.now();
    await post('schuldhulp', threadId, text);
    const arrived = page.locator('.kring-message').filter({ hasText: text });
    // Live, well within the 15 seconds of the fallback's refresh.
    await arrived.waitFor({ timeout: 10_000 });
    expect(Date.now() - before).toBeLessThan(10_000);
    // The same page, not a new one.
    expect(await page.evaluate(() => (window as unknown as { kringMarker?: number }).kringMarker)).toBe(1);
    expect(await page.getByTestId('thread-arrived').innerText()).toContain(text);
    expect(await page.getByTestId('thread-arrived').getAttribute('aria-live')).toBe('polite');
    expect(await arrived.count()).toBe(1);
    await expectAccessible(page, 'member thread after a live arrival');
    // Seen on the open page: read, so neither the API nor the menu counts it.
    const until = Date.now() + 10_000;
    while ((await budgetThread()).unreadCount !== 0 && Date.now() < until) await page.waitForTimeout(250);
    expect((await budgetThread()).unreadCount).toBe(0);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Berichten/ }).filter({ hasNotText: /nieuw/ }).waitFor();

    // Withdrawn by its author: the open page shows the tombstone, live.
    await ask('schuldhulp', `mutation($id: ID!) { withdrawMessage(id: $id) { id } }`, { id: (await arrived.getAttribute('data-testid'))?.replace(/^message-/, '') });
    await page.getByTestId((await arrived.getAttribute('data-testid')) ?? '').getByText('Bericht ingetrokken.').waitFor({ timeout: 10_000 });
  }, 120_000);

  it('where the live connection cannot be had, the page refreshes every 15 seconds and says only that', async () => {
    const { id: threadId } = await budgetThread();
    const { context, page } = await newPage();
    // A WebSocket that never opens, as behind a proxy that refuses upgrades: an error, then closed (1006).
    await context.addInitScript(() => {
      (window as unknown as { WebSocket: unknown }).WebSocket = class {
        static readonly CONNECTING = 0;
        static readonly OPEN = 1;
        static readonly CLOSING = 2;
        static readonly CLOSED = 3;
        readyState = 0;
        onerror: ((event: Event) => void) | null = null;
        onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
        constructor() {
          setTimeout(() => {
            this.readyState = 3;
            this.onerror?.(new Event('error'));
            this.onclose?.({ code: 1006, reason: '', wasClean: false });
          }, 10);
        }
        close(): void {}
        send(): void {}
      };
    });
    await openBudgetThreadAsMarieke(page);
    await page.getByText('Deze pagina kijkt elke 15 seconden of er nieuwe berichten zijn.').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    const text = `Pieter: tot dinsdag (${Date.now()}).`;
    await post('wmo', threadId, text);
    await page.locator('.kring-message').filter({ hasText: text }).waitFor({ timeout: 25_000 });
    await expectAccessible(page, 'member thread, refreshing');
  }, 120_000);

  it('a thread about Marieke is not in Sanne\'s (17) view: her page says there are none, and the raw answer names none', async () => {
    const raw = await portal.gateway.graphql(THREADS, { token: await portal.gateway.tokenFor('sanne') });
    expect(raw.errors).toBeUndefined();
    expect(JSON.stringify(raw.data)).toBe('{"ourThreads":[]}');
    const { page } = await newPage();
    await signInAs(page, 'sanne');
    await menu(page, 'Berichten');
    await page.getByText('Er zijn nog geen gesprekken over u of uw kinderen.').waitFor();
    await expectAccessible(page, 'member messages, none');
  });
});
