/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { loadSodium, verifyReceipt } from '@kring/crypto';
import { DEMO_MEMBERS } from '@kring/demo-world';
import { describeBrowser, expectAccessible, menu, signInAs, startPortal, type PortalUnderTest } from './support/browser';

/**
 * Issue 19, item 2 in the portal: on *Wie mag wat zien* Marieke downloads the receipt of a
 * consent, and it verifies with nothing but the published key set (docs/consent-receipts.md).
 */
describeBrowser('Portal (issue 19): consent receipts', () => {
  let portal: PortalUnderTest;
  beforeAll(async () => {
    portal = await startPortal({ label: 'portal_consent_receipts' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('Marieke downloads a consent receipt on Wie mag wat zien; it verifies with the published key', async () => {
    const { page } = await portal.newPage();
    await signInAs(page, 'marieke');
    await menu(page, 'Wie mag wat zien');
    const button = page.locator('[data-testid^="download-receipt-"]').first();
    await button.waitFor();
    await expectAccessible(page, 'who may see what, with receipts');
    const consentId = (await button.getAttribute('data-testid'))!.replace('download-receipt-', '');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`kring-toestemming-${consentId}.json`);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { consentId: string; receipts: { receipt: { recordId: string; piiPrincipalId: string; event: { eventType: string } }; signature: { kid: string; value: string; alg: string } }[] };
    expect(file.consentId).toBe(consentId);
    expect(file.receipts.length).toBeGreaterThan(0);
    expect(file.receipts[0]!.receipt.event.eventType).toMatch(/^(GRANTED|SIGNED)$/);

    // The key set as anyone fetches it, without signing in.
    const keys = (await (await fetch(`${portal.baseUrl}/.well-known/kring-receipt-keys`)).json()) as { keys: { kid: string; x: string }[] };
    const sodium = await loadSodium();
    for (const signed of file.receipts) {
      expect(signed.receipt.recordId).toBe(consentId);
      expect(verifyReceipt(sodium, signed, keys.keys)).toBe(true);
    }
    // Marieke's name is not in it: her reach is named by member ids.
    expect(JSON.stringify(file)).not.toContain('Marieke');
    expect(Object.values(DEMO_MEMBERS)).toContain(file.receipts[0]!.receipt.piiPrincipalId);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Download receipt' }).first().waitFor();
    await expectAccessible(page, 'who may see what, with receipts, English');
  });
});
