import { existsSync } from 'node:fs';
import { type InboundMessage } from '@intake/core';
import { CHROMIUM_AVAILABLE, CHROMIUM_LAUNCH, CHROMIUM_PATH } from '@intake/testkit';
import exifr from 'exifr';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import sharp from 'sharp';
import { baseConfig, startWebApp, type WebApp } from './harness.js';

// what the page-side callbacks below touch; the suite is type-checked without the DOM library
declare const document: { activeElement: { id: string; textContent: string | null } | null };
declare const window: unknown;

/** Debian's Chromium (`apt-get install chromium`); without it these tests are skipped, loudly — but never in CI, which installs it. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const HERE = { latitude: 44.652345, longitude: -63.587612, accuracy: 12 };

const describeWithChromium = CHROMIUM_AVAILABLE ? describe : describe.skip;
if (!existsSync(CHROMIUM_PATH)) console.warn(`${CHROMIUM_PATH} not found: browser tests skipped (apt-get install -y chromium)`);

let app: WebApp;
/** a town that offers English and French */
let bilingual: WebApp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) return;
  const config = baseConfig();
  app = await startWebApp();
  bilingual = await startWebApp({ config: { ...config, jurisdiction: { ...config.jurisdiction, languages: ['en', 'fr'] } } });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await bilingual?.close();
});

/** A page that records script errors and CSP violations, which must stay empty. */
async function openForm(options: BrowserContextOptions, on: WebApp = app): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${on.url}/`);
  return { page, problems };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');

async function onlyJob(on: WebApp = app): Promise<InboundMessage> {
  const jobs = await on.jobs();
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

describeWithChromium('the web form in Chromium', () => {
  beforeEach(() => app.queue.drain());

  it('is filled in on a phone: description, service, a suggested address, my location; the reference shows after sending', async () => {
    const { page, problems } = await openForm({ ...PHONE, geolocation: HERE, permissions: ['geolocation'] });

    await page.getByLabel('Describe the problem').fill('Deep pothole by the crosswalk, cars swerving around it');
    await page.getByLabel('Type of problem').selectOption('POTHOLE');
    await page.getByLabel('Address or nearest corner').pressSequentially('harb', { delay: 40 });
    await page.getByRole('option', { name: '211 Harbour Road' }).click();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Location set: 44.652345, -63.587612 (within about 12 m).').waitFor();
    expect(await page.getByLabel('Address or nearest corner').inputValue()).toBe('211 Harbour Road');
    await page.getByLabel('Email').fill('jane@example.org');
    await page.screenshot({ path: '/tmp/intake-form.png', fullPage: true });

    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();
    const reference = await page.locator('#reference').textContent();
    await page.screenshot({ path: '/tmp/intake-form-sent.png' });

    const job = await onlyJob();
    expect(reference).toBe(job.tracking?.reference);
    expect(await page.getByRole('link', { name: 'Follow your report' }).getAttribute('href')).toBe(
      `${app.url}/track/${job.tracking?.reference}-${job.tracking?.token}`,
    );
    expect(await focusedId(page)).toBe('done-heading');
    expect(job).toMatchObject({
      channel: 'web',
      text: 'Deep pothole by the crosswalk, cars swerving around it',
      service_code: 'POTHOLE',
      address: '211 Harbour Road',
      point: { lat: 44.652345, long: -63.587612 },
      sender: { name: null, email: 'jane@example.org', phone: null },
      reply_to: { channel: 'email', to: 'jane@example.org' },
    });
    expect(job.external_id).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(problems).toEqual([]);
  });

  it('can be used with the keyboard alone, reaching every field in order', async () => {
    const { page, problems } = await openForm({ ...DESKTOP, geolocation: HERE, permissions: ['geolocation'] });
    const order: string[] = [];
    const tab = async () => {
      await page.keyboard.press('Tab');
      order.push(await focusedId(page));
    };

    await tab();
    await page.keyboard.press('Enter'); // the skip link
    await tab();
    await page.keyboard.type('Streetlight out since Monday');
    await tab();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tab(); // the photos, left empty
    await tab();
    await page.keyboard.type('mapl', { delay: 40 });
    await page.getByRole('option', { name: '14 Maple Street' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tab();
    await page.keyboard.press('Enter');
    await page.getByText('Location set:').waitFor();
    for (let i = 0; i < 5; i++) await tab();
    await page.screenshot({ path: '/tmp/intake-form-desktop.png', fullPage: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();
    await page.screenshot({ path: '/tmp/intake-form-sent-desktop.png' });
    // from the heading the answer focuses, the next stop is the tracking link
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('track');

    expect(order).toEqual([
      'Skip to main content',
      'description',
      'service_code',
      'photo',
      'address',
      'use-location',
      'clear-location',
      'name',
      'email',
      'phone',
      'submit',
    ]);
    const job = await onlyJob();
    expect(job).toMatchObject({
      text: 'Streetlight out since Monday',
      service_code: 'STREETLIGHT',
      address: '14 Maple Street',
      point: { lat: 44.652345, long: -63.587612 },
    });
    expect(problems).toEqual([]);
  });

  it('sends photos with the report, each stored without its EXIF', async () => {
    const { page, problems } = await openForm(PHONE);
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jane Citizen' } })
      .toBuffer();
    await page.getByLabel('Describe the problem').fill('Broken bench in the park, see photos');
    await page.getByLabel('Photos (optional)').setInputFiles([
      { name: 'bench.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'bench-2.jpg', mimeType: 'image/jpeg', buffer: photo },
    ]);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();

    const job = await onlyJob();
    expect(job.media.map((media) => media.name)).toEqual(['bench.jpg', 'bench-2.jpg']);
    const served = Buffer.from(await (await fetch(job.media[0]!.url)).arrayBuffer());
    expect(await sharp(served).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(await exifr.parse(served)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('works without JavaScript as a plain form post', async () => {
    const { page } = await openForm({ ...PHONE, javaScriptEnabled: false });

    expect(await page.getByRole('button', { name: 'Use my location' }).isVisible()).toBe(false);
    await page.getByLabel('Describe the problem').fill('Graffiti on the bus shelter');
    await page.getByLabel('Type of problem').selectOption('GRAFFITI');
    await page.getByLabel('Address or nearest corner').fill('5 Mill Lane');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you, your report was received' }).waitFor();

    const job = await onlyJob();
    expect(await page.locator('.reference').textContent()).toBe(job.tracking?.reference);
    expect(job).toMatchObject({
      text: 'Graffiti on the bus shelter',
      service_code: 'GRAFFITI',
      address: '5 Mill Lane',
      point: null,
      external_id: null,
    });
  });

  it('shows why the server turned a report down, and keeps the form', async () => {
    const { page } = await openForm(DESKTOP);

    await page.getByLabel('Describe the problem').fill('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Send report' }).click();

    await page.getByText('Your report was not sent: description: must describe the problem in words, not only HTML').waitFor();
    expect(await page.getByRole('button', { name: 'Send report' }).isVisible()).toBe(true);
    expect(await app.jobs()).toHaveLength(0);
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('has no axe-core accessibility violations on a %s', async (_name, viewport) => {
    // axe is injected as an inline script, which the page's own CSP rightly refuses
    const { page } = await openForm({ ...viewport, bypassCSP: true });
    await page.addScriptTag({ path: require.resolve('axe-core') });

    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });

    expect(violations).toEqual([]);
  });

  describe("in the citizen's language", () => {
    beforeEach(() => bilingual.queue.drain());

    it('speaks French to a French browser on a phone, the script included, and the report carries the language', async () => {
      const { page, problems } = await openForm({ ...PHONE, locale: 'fr-CA', geolocation: HERE, permissions: ['geolocation'] }, bilingual);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await page.getByLabel('Décrivez le problème').fill('Nid-de-poule profond devant le passage piéton');
      await page.getByLabel('Type de problème').selectOption('POTHOLE');
      await page.getByRole('button', { name: 'Utiliser ma position' }).click();
      await page.getByText('Position définie : 44.652345, -63.587612 (à environ 12 m près).').waitFor();
      await page.screenshot({ path: '/tmp/intake-form-fr.png', fullPage: true });
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await page.getByRole('heading', { name: 'Merci, votre signalement a été reçu' }).waitFor();
      expect(await page.title()).toBe('Signalement reçu – Town of Testville');

      const job = await onlyJob(bilingual);
      expect(await page.locator('#reference').textContent()).toBe(job.tracking?.reference);
      expect(job).toMatchObject({
        language: 'fr',
        text: 'Nid-de-poule profond devant le passage piéton',
        point: { lat: 44.652345, long: -63.587612 },
      });
      expect(problems).toEqual([]);
    });

    it('lets an English browser pick French, and answers a plain post in French', async () => {
      const { page } = await openForm({ ...DESKTOP, locale: 'en-US', javaScriptEnabled: false }, bilingual);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.getByRole('link', { name: 'Français' }).click();
      await page.getByLabel('Décrivez le problème').fill('Graffitis sur l’abribus');
      await page.getByLabel('Adresse ou coin de rue le plus proche').fill('5 Mill Lane');
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await page.getByRole('heading', { name: 'Merci, votre signalement a été reçu' }).waitFor();
      expect(await page.getByRole('link', { name: 'Signaler un autre problème' }).getAttribute('href')).toMatch(/\?lang=fr$/);
      expect(await onlyJob(bilingual)).toMatchObject({ language: 'fr', text: 'Graffitis sur l’abribus', address: '5 Mill Lane' });
    });

    it('keeps a town with one language free of a language picker', async () => {
      const { page } = await openForm({ ...DESKTOP, locale: 'fr-FR' });
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('nav.languages').count()).toBe(0);
    });
  });
});
