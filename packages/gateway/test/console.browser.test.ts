import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_AVAILABLE, CHROMIUM_LAUNCH, startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_TOKEN, demoConfig, startGateway, type Running } from './harness.js';

declare const window: unknown;
/** What the console's GeoJSON export holds, as far as the test reads it. */
interface GeoJsonExport {
  type: string;
  features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
}
/** A page's canvas as the test reads its pixels (the tests' TypeScript has no DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } };
}

const describeWithChromium = CHROMIUM_AVAILABLE ? describe : describe.skip;
/** Set to a folder to keep phone and desktop screenshots of each page (the README's come from here). */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR;

/** axe-core in the page; the console's CSP forbids injected scripts, so the test context bypasses it. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () =>
    (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(),
  );
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS === undefined) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
}

describeWithChromium('the operator console in a browser', () => {
  let crm: LoopbackServer;
  let crmUp = false;
  let running: Running;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];

  const report = async (body: Record<string, unknown>) => {
    const res = await fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const { id } = (await res.json()) as { id: string };
    ids.push(id);
    return id;
  };
  const deliveryOf = async (id: string) => (await running.gateway.store.deliveries(id)).find((d) => d.destination === 'crm')?.status;

  beforeAll(async () => {
    // The CRM refuses every request (a permanent 422) until the test puts it back up.
    crm = await startLoopbackServer(() =>
      crmUp ? { status: 201, body: '{"id":"CRM-9"}' } : { status: 422, body: '{"error":"service_code unknown"}' },
    );
    running = await startGateway(
      demoConfig((raw) => {
        raw.router = {
          destinations: { crm: { type: 'webhook', url: crm.url, secret: 'console-test' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
    await report({ description: 'The streetlight is out in front of the school', address: '211 Bear Street', phone: '403 555 0199' });
    await report({ description: 'Deep pothole by the bus stop', address: '110 Bear Street', email: 'resident@example.org' });
    for (const id of ids) await waitFor(async () => (await deliveryOf(id)) === 'dead', 20_000, 'a dead letter');
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await running.stop();
    await crm.close();
  });

  it('asks for the admin token, then shows the request list', async () => {
    await page.goto(`${running.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Requests' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
  });

  it('searches by words and by exact phone, showing contacts masked', async () => {
    await waitFor(
      async () =>
        (await running.gateway.store.get(ids[1]!)) !== null && (await page.reload(), (await page.locator('tbody tr').count()) === 2),
      15_000,
      'both requests indexed',
    );
    await page.getByLabel('Search').fill('streetlight');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=streetlight/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('211 Bear Street');
    expect(await rows.first().textContent()).toContain('+1•••••••199');
    expect(await page.content()).not.toContain('4035550199');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Search').fill('+1 403-555-0199');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Looked up by phone.').waitFor();
    expect(await rows.count()).toBe(1);
    await page.goto(`${running.url}/admin`);
    await screenshot(page, 'requests');
  });

  it('shows a request with its conversation, its point on the town map and the failed delivery with its error', async () => {
    await page.goto(`${running.url}/admin?q=streetlight`);
    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: /^Request / }).waitFor();
    expect(await page.locator('section', { hasText: 'Conversation' }).textContent()).toContain(
      'The streetlight is out in front of the school',
    );
    const deliveries = page.locator('section', { has: page.getByRole('heading', { name: 'Deliveries' }) });
    expect(await deliveries.textContent()).toMatch(/crm\s*dead/);
    expect(await deliveries.textContent()).toContain('422');
    // the map is drawn: the town's streets from the gazetteer and one marker
    expect(await page.locator('svg.map path.street').count()).toBeGreaterThan(10);
    expect(await page.locator('svg.map circle.marker').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'request');
  });

  it('replays a dead letter from the console, and the CRM gets it', async () => {
    crmUp = true;
    await page.goto(`${running.url}/admin/dead-letters`);
    expect(await page.locator('tbody').last().locator('tr').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dead-letters');
    const first = page.locator('tbody').last().locator('tr').filter({ hasText: ids[0]! });
    await first.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Replayed 1 entry.').waitFor();
    await waitFor(async () => (await deliveryOf(ids[0]!)) === 'delivered', 15_000, 'the replayed delivery');
    expect(await page.locator('tbody').last().locator('tr').count()).toBe(1);
    expect(await deliveryOf(ids[1]!)).toBe('dead');
  });

  it('draws the reports: charts on canvas, the map with its points, the figures, and exports with the same filters', async () => {
    await page.goto(`${running.url}/admin/reports`);
    await page.locator('#chart-day[data-drawn="true"]').waitFor();
    await page.locator('#chart-week[data-drawn="true"]').waitFor();
    // a drawn chart has coloured pixels: count the ones that are not blank
    const inked = await page.evaluate(() =>
      ['chart-day', 'chart-week'].map((id) => {
        const canvas = (globalThis as unknown as { document: { getElementById(id: string): CanvasLike } }).document.getElementById(id);
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) n++;
        return n;
      }),
    );
    expect(inked[0]).toBeGreaterThan(500);
    expect(inked[1]).toBeGreaterThan(500);
    expect((await page.locator('#fig-total strong').textContent())?.trim()).toBe('2');
    expect(await page.locator('svg.map path.street').count()).toBeGreaterThan(10);
    expect(await page.locator('svg.map circle.marker').count()).toBe(2);
    expect(await page.locator('table', { hasText: 'Busiest streets' }).textContent()).toContain('Bear Street');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'reports');

    await page.getByLabel('Service', { exact: true }).selectOption('STREETLIGHT');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/service=STREETLIGHT/);
    expect((await page.locator('#fig-total strong').textContent())?.trim()).toBe('1');
    expect(await page.locator('svg.map circle.marker').count()).toBe(1);
    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvHref).toContain('service=STREETLIGHT');
    const csv = await (await fetch(`${running.url}${csvHref}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,reference,received_at,channel,service_code,status,address,street,lat,long,duplicate_of,description');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('STREETLIGHT');
    expect(csv).not.toContain('555');
    const geojsonHref = await page.getByRole('link', { name: 'Export GeoJSON' }).getAttribute('href');
    const geojson = (await (
      await fetch(`${running.url}${geojsonHref}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json()) as GeoJsonExport;
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(1);
    expect(geojson.features[0]?.geometry.coordinates[1]).toBeCloseTo(51.177, 2);
    expect(geojson.features[0]?.properties).toMatchObject({ service_code: 'STREETLIGHT', address: '211 Bear Street' });
  });

  it('re-routes and resends from the request page', async () => {
    await page.goto(`${running.url}/admin/requests/${ids[1]}`);
    await page.getByRole('button', { name: 'Resend', exact: true }).click();
    await page.getByText('Queued again for crm.').waitFor();
    await waitFor(async () => (await deliveryOf(ids[1]!)) === 'delivered', 15_000, 'the resent delivery');
    const before = crm.requests.length;
    await page.getByRole('button', { name: /Re-route/ }).click();
    await page.getByText(/Routed again: rule \(default\), to crm/).waitFor();
    expect(crm.requests.length).toBe(before); // delivered already: routing again sends nothing twice
  });
});
