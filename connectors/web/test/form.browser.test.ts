import { existsSync } from 'node:fs';
import { shortReference, type InboundMessage } from '@intake/core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startWebApp, type WebApp } from './harness.js';

// what the page-side callbacks below touch; the suite is type-checked without the DOM library
declare const document: { activeElement: { id: string; textContent: string | null } | null };
declare const window: unknown;

/** Debian's Chromium (`apt-get install chromium`); without it these tests are skipped, loudly — but never in CI, which installs it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const HERE = { latitude: 44.652345, longitude: -63.587612, accuracy: 12 };

const describeWithChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} not found: browser tests skipped (apt-get install -y chromium)`);

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  app = await startWebApp();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A page that records script errors and CSP violations, which must stay empty. */
async function openForm(options: BrowserContextOptions): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${app.url}/`);
  return { page, problems };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');

async function onlyJob(): Promise<InboundMessage> {
  const jobs = await app.jobs();
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
    expect(reference).toBe(shortReference(job.id));
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

    expect(order).toEqual(['Skip to main content', 'description', 'service_code', 'address', 'use-location', 'clear-location', 'name', 'email', 'phone', 'submit']);
    const job = await onlyJob();
    expect(job).toMatchObject({ text: 'Streetlight out since Monday', service_code: 'STREETLIGHT', address: '14 Maple Street', point: { lat: 44.652345, long: -63.587612 } });
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
    expect(await page.locator('.reference').textContent()).toBe(shortReference(job.id));
    expect(job).toMatchObject({ text: 'Graffiti on the bus shelter', service_code: 'GRAFFITI', address: '5 Mill Lane', point: null, external_id: null });
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
});
