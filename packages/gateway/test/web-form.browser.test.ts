import { CHROMIUM_AVAILABLE, CHROMIUM_LAUNCH, startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { demoConfig, startGateway, type Running } from './harness.js';

const describeWithChromium = CHROMIUM_AVAILABLE ? describe : describe.skip;

/** The whole way, as a citizen does it: the real gateway's form in Chromium, to the CRM's webhook. */
describeWithChromium('a report sent from the web form in a browser', () => {
  let crm: LoopbackServer;
  let running: Running;
  let browser: Browser;

  beforeAll(async () => {
    crm = await startLoopbackServer();
    running = await startGateway(
      demoConfig((raw) => {
        raw.router = {
          destinations: { crm: { type: 'webhook', url: crm.url, secret: 'browser-test-secret' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });
  afterAll(async () => {
    await browser?.close();
    await running.stop();
    await crm.close();
  });

  it('is delivered to the CRM with the address picked from the gazetteer suggestions', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(`${running.url}/`);
    await page.getByLabel('Describe the problem').fill('The streetlight is out, the whole block is dark');
    await page.getByLabel('Type of problem').selectOption('STREETLIGHT');
    await page.getByLabel('Address or nearest corner').pressSequentially('211 bear', { delay: 40 });
    await page.getByRole('option', { name: '211 Bear Street' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();
    const reference = (await page.locator('#reference').textContent())?.trim();

    const delivered = await waitFor(() => crm.requests[0], 15_000, 'the webhook');
    const record = JSON.parse(delivered.body);
    expect(record.reference).toBe(reference);
    expect(record).toMatchObject({
      channel: 'web',
      description: 'The streetlight is out, the whole block is dark',
      service_code: 'STREETLIGHT',
      location: { address: '211 Bear Street', precision: 'address', in_jurisdiction: true },
    });
  });

  const recordOf = (description: string) =>
    crm.requests.map((request) => JSON.parse(request.body)).find((record) => record.description === description);

  it('asks where before sending a report that names no place, and sends it with the suggestion picked', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${running.url}/`);
    const description = 'The streetlight is out across from the bank near the mall';
    await page.getByLabel('Describe the problem').fill(description);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Where is it?' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Thank you, your report was received' }).isVisible()).toBe(false);

    await page.getByLabel('Address or nearest corner').pressSequentially('211 bear', { delay: 40 });
    await page.getByRole('option', { name: '211 Bear Street' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();
    const record = await waitFor(() => recordOf(description), 15_000, 'the located report');
    expect(record.location).toMatchObject({ address: '211 Bear Street', precision: 'address' });
    expect(crm.requests.filter((request) => JSON.parse(request.body).description === description)).toHaveLength(1);
  });

  it('asks where for a photo that does not say where it was taken, and not for one that does', async () => {
    const photo = (withGps: boolean) => {
      const image = sharp({ create: { width: 320, height: 240, channels: 3, background: '#556b2f' } }).jpeg();
      const gps = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 3456/100', GPSLongitudeRef: 'W', GPSLongitude: '115/1 34/1 1668/100' };
      return (withGps ? image.withExif({ IFD3: gps }) : image).toBuffer();
    };
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${running.url}/`);
    await page.getByLabel('Describe the problem').fill('Fallen tree across the path, see the photo');
    await page.getByLabel('Photos (optional)').setInputFiles([{ name: 'tree.jpg', mimeType: 'image/jpeg', buffer: await photo(false) }]);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Where is it?' }).waitFor();

    await page.goto(`${running.url}/`);
    const description = 'Fallen tree across the trail, the photo says where';
    await page.getByLabel('Describe the problem').fill(description);
    await page.getByLabel('Photos (optional)').setInputFiles([{ name: 'tree.jpg', mimeType: 'image/jpeg', buffer: await photo(true) }]);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();
    const record = await waitFor(() => recordOf(description), 15_000, 'the report placed by its photo');
    expect(record.location).toMatchObject({ lat: expect.closeTo(51.1763, 3), long: expect.closeTo(-115.5713, 3) });
    expect(record.media).toHaveLength(1);
  });

  it('asks where in French on a phone, with the script', async () => {
    const page = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'fr-CA',
      })
    ).newPage();
    await page.goto(`${running.url}/`);
    await page.getByLabel('Décrivez le problème').fill('Le lampadaire est éteint en face de la banque, près du centre commercial');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.getByRole('heading', { name: 'Où se trouve le problème ?' }).waitFor();
    await page.screenshot({ path: '/tmp/intake-form-fr-where.png' });
    expect(await page.getByRole('button', { name: 'Utiliser ma position' }).count()).toBe(1);
  });

  it('asks where in French without JavaScript: the server answers the form again with the question', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'fr-CA', javaScriptEnabled: false })
    ).newPage();
    await page.goto(`${running.url}/`);
    const description = 'Un nid-de-poule énorme en face de la banque, près du centre commercial';
    await page.getByLabel('Décrivez le problème').fill(description);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.getByRole('heading', { name: 'Où se trouve le problème ?' }).waitFor();
    expect(await page.getByLabel('Décrivez le problème').inputValue()).toBe(description);

    await page.getByLabel('Adresse ou coin de rue le plus proche').fill('211 Bear St');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.getByRole('heading', { name: 'Merci, votre signalement a été reçu' }).waitFor();
    const record = await waitFor(() => recordOf(description), 15_000, 'the located report');
    expect(record).toMatchObject({ language: 'fr', location: { address: '211 Bear Street', precision: 'address' } });
  });
});
