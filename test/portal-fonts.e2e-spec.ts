/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeBrowser, signInAs, startPortal, type PortalUnderTest } from './support/browser';

const ASSETS = resolve('dist/portal/assets');

/** The faces the theme names (Noto Sans for text, Noto Serif for headings), in the weights the portal uses. */
const FACES = ['noto-sans-latin-400-normal', 'noto-sans-latin-400-italic', 'noto-sans-latin-600-normal', 'noto-sans-latin-700-normal', 'noto-serif-latin-700-normal'];

/**
 * Issue 19, item 5: the theme's fonts are shipped with the portal (Fontsource, bundled by Vite,
 * the Latin subset only), so no machine falls back to another serif and nothing is fetched from
 * a CDN, which the CSP (font-src 'self') would refuse. Run after `npm run build:portal`.
 */
describe('the built portal ships its fonts', () => {
  const files = readdirSync(ASSETS);
  const css = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(ASSETS, f), 'utf8'));
  const html = readFileSync(resolve('dist/portal/index.html'), 'utf8');

  it.each(FACES)('holds %s as WOFF2, and its stylesheet refers to it', (face) => {
    const woff2 = files.filter((f) => f.startsWith(`${face}-`) && f.endsWith('.woff2'));
    expect(woff2).toHaveLength(1);
    // A real WOFF2 file (its signature), not a pointer or an empty file.
    expect(readFileSync(join(ASSETS, woff2[0] as string)).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(css.some((sheet) => sheet.includes(`url(/assets/${woff2[0] as string})`))).toBe(true);
  });

  it('declares the families the theme uses, and ships no other subset than Latin', () => {
    const sheet = css.join('\n');
    expect(sheet).toMatch(/@font-face\s*\{[^}]*font-family:\s*["']?Noto Sans["']?/);
    expect(sheet).toMatch(/@font-face\s*\{[^}]*font-family:\s*["']?Noto Serif["']?/);
    const fonts = files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^noto-(sans|serif)-latin-\d{3}-(normal|italic)-/.test(f))).toEqual([]);
  });

  it('refers to no font, stylesheet or other resource outside the portal itself', () => {
    const urls = [...css.join('\n').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('/assets/') && !u.startsWith('data:'))).toEqual([]);
    expect(css.join('\n')).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//);
    expect(html).not.toMatch(/(href|src)=["'](https?:)?\/\//);
  });
});

describeBrowser('the fonts load under the portal\'s Content-Security-Policy', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_fonts' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('the text and the headings are set in Noto Sans and Noto Serif, loaded from the portal, with no CSP violation', async () => {
    const { page } = await portal.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(request.url());
    });
    await signInAs(page, 'keten-fg');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/["']/g, '')} ${f.weight} ${f.style}`);
    });
    expect(loaded).toEqual(expect.arrayContaining(['Noto Sans 400 normal', 'Noto Serif 700 normal']));
    const origin = new URL(page.url()).origin;
    expect(fontRequests.length).toBeGreaterThan(0);
    expect(fontRequests.filter((url) => !url.startsWith(`${origin}/assets/`))).toEqual([]);
    expect(violations).toEqual([]);
  });
});
