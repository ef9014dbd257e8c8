/// <reference lib="dom" />
import { DEMO_MEMBERS } from '@kring/demo-world';
import { describeBrowser, expectAccessible, screenshot, signInAs, startPortal, type PortalUnderTest } from './support/browser';
import { startTestOidcProvider, type TestOidcProvider } from './support/test-oidc-provider';

describeBrowser('Portal sign-in (issue 5): persona picker in development, OpenID Connect with PKCE otherwise', () => {
  describe('with the development issuer', () => {
    let portal: PortalUnderTest;
    beforeAll(async () => {
      portal = await startPortal({ label: 'portal_sign_in' });
    });
    afterAll(async () => {
      await portal?.close();
    });

    it('offers the demo personas in Dutch, switches to English, and passes axe in both', async () => {
      const { page } = await portal.newPage();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      for (const persona of ['marieke', 'daan', 'wmo', 'keten-fg']) {
        // Waits for it: the personas arrive after the heading (isVisible() does not wait, and lost that race under load).
        await page.getByRole('button', { name: `Inloggen als ${persona}`, exact: true }).waitFor({ state: 'visible' });
      }
      await expectAccessible(page, 'sign-in (nl)');
      await screenshot(page, 'sign-in');

      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectAccessible(page, 'sign-in (en)');
    });

    it('keeps the token in memory only: nothing in storage or cookies, and a reload signs out', async () => {
      const { context, page } = await portal.newPage();
      await signInAs(page, 'marieke');
      await page.waitForURL('**/me/records');
      const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
      expect(stored).not.toMatch(/eyJ/); // no JWT anywhere a script could find it later
      expect(await context.cookies()).toEqual([]);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    });

    it('opens a shared link after sign-in, with its filter, instead of the home page', async () => {
      const { page } = await portal.newPage();
      await page.goto('/access-log?decision=DENIED');
      await page.getByRole('button', { name: 'Inloggen als keten-fg', exact: true }).click();
      await page.waitForURL('**/access-log?decision=DENIED');
      expect(await page.getByLabel('Besluit').inputValue()).toBe('DENIED');
    });

    it('signs out with the button and shows the sign-in again', async () => {
      const { page } = await portal.newPage();
      await signInAs(page, 'wmo');
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    });
  });

  describe('with an external OpenID Connect issuer', () => {
    let provider: TestOidcProvider;
    let portal: PortalUnderTest;
    beforeAll(async () => {
      provider = await startTestOidcProvider({ clientId: 'kring-portal', audience: 'kring-gateway', subject: { kind: 'citizen', memberId: DEMO_MEMBERS.marieke } });
      portal = await startPortal({
        label: 'portal_oidc',
        env: { KRING_JWKS_URL: provider.jwksUrl, KRING_OIDC_ISSUER: provider.issuer, KRING_OIDC_CLIENT_ID: 'kring-portal' },
      });
    });
    afterAll(async () => {
      await portal?.close();
      await provider?.close();
    });

    it('signs in with the authorisation code flow and PKCE, and offers no personas', async () => {
      const { page } = await portal.newPage();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.getByRole('button', { name: /Inloggen als/ }).count()).toBe(0);
      await expectAccessible(page, 'sign-in (OpenID Connect)');

      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.waitForURL('**/me/records');
      await page.getByText('Ingelogd als Marieke de Vries').waitFor();

      expect(provider.exchanges).toEqual([{ codeVerifierMatched: true, redirectUri: `${portal.baseUrl}/signin/callback` }]);
      // The one-time code left the address bar, and the PKCE verifier left the tab's storage.
      expect(page.url()).not.toContain('code=');
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    });

    it('the development issuer is not there to be used', async () => {
      const response = await fetch(`${portal.baseUrl}/dev/personas`);
      expect(response.status).toBe(404);
    });
  });
});
