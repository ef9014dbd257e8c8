/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_FAMILY_ID, DEMO_PROFESSIONALS } from '@kring/demo-world';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './test-gateway';

/**
 * Browser tests: the real gateway serving the built portal on a loopback port, driven by
 * Playwright in Debian's Chromium (found or installed by test/setup/browser.mjs). When no
 * Chromium could be had, `describeBrowser` skips, and the run says so loudly.
 */
export const browserSkipReason: string | null = process.env['KRING_BROWSER_SKIPPED'] ?? (process.env['KRING_CHROMIUM'] ? null : 'the global setup found no Chromium');
export const describeBrowser: jest.Describe = browserSkipReason === null ? describe : describe.skip;

const PORTAL_INDEX = resolve('dist/portal/index.html');

/** WCAG 2.1 A and AA: what the issue asks every page to pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface PortalUnderTest {
  readonly gateway: TestGateway;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A fresh browser context (no shared memory or storage) with one page, at the sign-in page. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startPortal(options: TestGatewayOptions): Promise<PortalUnderTest> {
  if (!existsSync(PORTAL_INDEX)) throw new Error(`The portal is not built (${PORTAL_INDEX} is missing): run npm run build:portal, or npm test, which builds it first.`);
  const gateway = await startTestGateway(options);
  await gateway.app.listen(0, '127.0.0.1');
  const { port } = gateway.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Playwright gives the browser a fresh, empty profile of its own.
  const browser = await chromium.launch({
    executablePath: process.env['KRING_CHROMIUM'] as string,
    // These keep Chromium off the network it has no business with (the machine refuses it).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  return {
    gateway,
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/');
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await gateway.close();
    },
  };
}

/** Signs in through the development issuer's persona picker, as a person would. */
export async function signInAs(page: Page, persona: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `Inloggen als ${persona}`, exact: true }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/** Follows a link of the main menu (pages may link to the same place in their text). */
export async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** A professional opens the first of their families for case coordination, through the menu. */
export async function openFamilyForCaseCoordination(page: Page): Promise<void> {
  await menu(page, 'Mijn gezinnen');
  await page.getByRole('link', { name: /^Openen/ }).first().click();
  await page.getByRole('radio', { name: 'De hulp aan het gezin op elkaar afstemmen' }).check();
  await page.getByRole('button', { name: 'Dossier openen' }).click();
  await page.getByTestId('declared-purpose').waitFor();
}

/**
 * Hands case direction of the demo family back to the WMO case director, as the demo world has
 * it, so that no test depends on another's handover.
 */
export async function handCaseDirectionBackToWmo(portal: PortalUnderTest, from: string): Promise<void> {
  const answer = await portal.gateway.graphql(`mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`, {
    token: await portal.gateway.tokenFor(from),
    variables: { input: { familyId: DEMO_FAMILY_ID, toProfessionalId: DEMO_PROFESSIONALS.wmo, note: 'Terug naar Team Toegang na de test.' } },
  });
  expect(answer.errors).toBeUndefined();
}

/** Runs axe-core on the page as it is now; fails with a readable list of violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = result.violations.map((v) => `${what}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations).toEqual([]);
}

/**
 * Screenshots for docs/screenshots, when KRING_SCREENSHOTS=1 (`npm run screenshots`):
 * the docs show the portal as the tests last saw it.
 */
export async function screenshot(page: Page, name: string, options: { scrollTo?: Locator } = {}): Promise<void> {
  if (process.env['KRING_SCREENSHOTS'] !== '1') return;
  const dir = resolve('docs/screenshots');
  await mkdir(dir, { recursive: true });
  // One screen (1280 x 900), readable in the README; `scrollTo` picks the part that matters.
  const path = join(dir, `${name}.png`);
  if (options.scrollTo === undefined) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path });
    return;
  }
  const top = await options.scrollTo.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, top - 24), width: 1280, height: 900 } });
}
