/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS } from '@kring/demo-world';
import type { Page } from 'playwright-core';
import { describeBrowser, expectAccessible, openFamilyForCaseCoordination, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/**
 * The parts of the portal the flows do not reach: a professional adding a record, the
 * officer's export buttons, and what the officer sees when the log was tampered with.
 */
describeBrowser('Portal (issue 5): adding a record, exporting the log, a broken log', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_more' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('the WMO professional adds a Wmo provision for Marieke, and it is in the file, stored encrypted', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'wmo');
    await openFamilyForCaseCoordination(page);

    // The file has more than one form (the plan's too): this one is "Gegevens toevoegen".
    const form = page.getByRole('form', { name: 'Gegevens toevoegen' });
    // Submitting without a type is refused in words, and nothing is sent.
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByText('Kies wat voor gegevens het zijn.').first().waitFor();

    await form.getByRole('radio', { name: 'Wmo-voorziening', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Marieke de Vries', exact: true }).check();
    await form.getByRole('textbox', { name: /^Voorziening/ }).fill('Begeleiding thuis, twee dagdelen');
    await form.getByRole('spinbutton', { name: /^Uren per week/ }).or(form.getByRole('textbox', { name: /^Uren per week/ })).fill('6');
    await expectAccessible(page, 'add-record form, filled in');
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByText('De gegevens zijn toegevoegd aan het dossier.').waitFor();

    const file = await portal.gateway.graphql<{ family: { records: { id: string; subjectMemberIds: string[]; section: { provision?: string | null } }[] } }>(
      `query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { records { id subjectMemberIds section { ... on SupportProvision { provision } } } } }`,
      { token: await portal.gateway.tokenFor('wmo') },
    );
    const added = file.data?.family.records.find((r) => r.section.provision === 'Begeleiding thuis, twee dagdelen');
    expect(added?.subjectMemberIds).toEqual([DEMO_MEMBERS.marieke]);
    await page.getByTestId(`value-records.${added?.id}.provision`).waitFor();

    const db = new pg.Client({ connectionString: portal.gateway.database.url });
    await db.connect();
    try {
      const stored = await db.query<{ text: string }>(`SELECT encrypted_fields::text AS text FROM record WHERE id = $1`, [added?.id]);
      expect(stored.rows[0]?.text).not.toContain('Begeleiding');
    } finally {
      await db.end();
    }
  });

  it('the chain privacy officer downloads the filtered log as CSV and in the Logius shape', async () => {
    // A read of its own, so the log holds refusals about the demo family whichever test ran first
    // (fields the WMO team may not see for this purpose are logged DENIED).
    const read = await portal.gateway.graphql(`query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { id redactions { path } } }`, { token: await portal.gateway.tokenFor('wmo') });
    expect(read.errors).toBeUndefined();
    const { page } = await portal.newPage();
    await signInAs(page, 'keten-fg');
    await page.getByLabel('Gezin (id)').fill(DEMO_FAMILY_ID);
    await page.getByLabel('Besluit').selectOption('DENIED');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByTestId('log-row').first().waitFor();

    const csv = await download(page, 'CSV downloaden');
    // One row per decision: the filter takes whole entries with a denied decision, so every
    // entry in the file has a DENIED row, and a partly allowed read its ALLOWED rows beside it.
    const [header, ...rows] = csv.trim().split('\r\n').map(csvCells);
    expect(rows.length).toBeGreaterThan(0);
    const column = (name: string) => (header ?? []).indexOf(name);
    const outcomes = new Map<string, string[]>();
    for (const row of rows) outcomes.set(row[column('entry_id')] as string, [...(outcomes.get(row[column('entry_id')] as string) ?? []), row[column('decision')] as string]);
    expect([...outcomes.values()].every((decided) => decided.includes('DENIED'))).toBe(true);
    expect(rows.every((row) => ['DENIED', 'PARTLY_ALLOWED'].includes(row[column('entry_decision')] as string))).toBe(true);
    const logius = await download(page, 'Logius-formaat downloaden');
    expect(logius.trim().split('\n').length).toBeGreaterThan(0);
    expect(JSON.parse(logius.trim().split('\n')[0] as string)).toEqual(expect.objectContaining({ trace_id: expect.any(String) }));
  });

  it('shows a tampered log as broken, with the first broken entry', async () => {
    const read = await portal.gateway.graphql(`query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { id } }`, { token: await portal.gateway.tokenFor('jeugdhulp') });
    expect(read.errors).toBeUndefined();
    // Behind the application's back, as a superuser with triggers off: an entry that records a denial is made to say allowed.
    // Put back afterwards, so the other tests of this file (which share its database) see the log as the gateway wrote it.
    const db = new pg.Client({ connectionString: portal.gateway.database.url });
    await db.connect();
    await db.query(`SET session_replication_role = replica`);
    const [changed] = (
      await db.query<{ id: string; sequence: string; was: string }>(
        `UPDATE access_log_entry e SET decision = 'ALLOWED' FROM (SELECT id, decision FROM access_log_entry WHERE family_id = $1 AND decision <> 'ALLOWED' ORDER BY sequence LIMIT 1) old
         WHERE e.id = old.id RETURNING e.id, e.sequence, old.decision AS was`,
        [DEMO_FAMILY_ID],
      )
    ).rows;
    try {
      expect(changed).toBeDefined();
      const { page } = await portal.newPage();
      await signInAs(page, 'keten-fg');
      await page.getByLabel('Gezin (id)').fill(DEMO_FAMILY_ID);
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.getByRole('button', { name: 'Log controleren' }).click();
      const result = page.locator('[data-testid="verify-result"][data-intact="false"]');
      await result.waitFor();
      const text = await result.innerText();
      expect(text).toContain('Niet in orde');
      expect(text).toContain('Een melding is veranderd nadat ze was opgeslagen.');
      expect(text).toContain(changed?.id);
      await expectAccessible(page, 'access log, broken');
    } finally {
      if (changed !== undefined) await db.query(`UPDATE access_log_entry SET decision = $2 WHERE id = $1`, [changed.id, changed.was]);
      await db.end();
    }
  });
});

/** One line of the CSV export (RFC 4180; no value of these tests holds a line break). */
function csvCells(line: string): string[] {
  const cells = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '"' && quoted && line[i + 1] === '"') {
      cells[cells.length - 1] += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) cells.push('');
    else cells[cells.length - 1] += ch;
  }
  return cells;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return readFile(path, 'utf8');
}
