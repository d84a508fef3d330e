import type { TrackingView } from '@intake/citizen';
import { CHROMIUM_AVAILABLE, CHROMIUM_LAUNCH, startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { adminHeaders, demoConfig, errorCodeOf, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

declare const window: unknown;

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const describeWithChromium = CHROMIUM_AVAILABLE ? describe : describe.skip;
const CITIZEN = '+14035550166';

/** The citizen's tracking page: reached from the link in the acknowledgement, showing what happened and nothing private. */
describe('the tracking page', () => {
  let crm: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;
  let path: string;
  let reference: string;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = {
          destinations: { crm: { type: 'webhook', url: crm.url, secret: 'crm-secret', team: 'Public Works' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
    await untilReady(running.url);
    const twiml = await (
      await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', {
        MessageSid: `SM${Date.now()}track`,
        From: CITIZEN,
        To: TWILIO.number,
        Body: 'big pothole outside 211 Bear Street, almost lost a tire',
      })
    ).text();
    // the acknowledgement carries the link: http://127.0.0.1/track/{reference}-{token} (the harness's public_url)
    const link = /Follow it at (http:\/\/127\.0\.0\.1(\/track\/([2-9A-HJKMNP-Z]{6})-[\w-]+))/.exec(twiml);
    expect(link).not.toBeNull();
    path = link![2]!;
    reference = link![3]!;
    await waitFor(
      async () =>
        (await tracked('application/json')).status === 200 &&
        ((await (await tracked('application/json')).json()) as TrackingView).timeline.length === 2,
      15_000,
      'the delivery',
    );
    const status = await fetch(`${running.url}/api/v1/requests/${reference}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...adminHeaders },
      body: JSON.stringify({ status: 'in progress', note: 'A crew will fill it on Monday.' }),
    });
    expect(status.status).toBe(202);
  });
  afterAll(async () => {
    await running?.stop();
    await crm?.close();
    await twilioApi?.close();
  });

  const tracked = (accept: string, at = path) => fetch(`${running.url}${at}`, { headers: { accept } });

  it('shows the service, the street without the house number, and the timeline; never the contact', async () => {
    const page = await tracked('text/html');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const body = await page.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Pothole');
    expect(body).toContain('Bear Street');
    // times carry milliseconds, which may read 211 by chance
    expect(body.replace(/datetime="[^"]*"/g, '')).not.toMatch(/211|5550166|almost lost a tire/);
    expect(body).toContain('Passed to Public Works');
    expect(body).toContain('A crew will fill it on Monday.');

    const twin = (await (await tracked('application/json')).json()) as TrackingView;
    expect(twin).toMatchObject({ reference, service: 'Pothole', street: 'Bear Street', status: 'in_progress', status_text: 'In progress' });
    expect(twin.timeline.map((step) => [step.kind, step.text, step.note])).toEqual([
      ['received', 'Received', null],
      ['passed_on', 'Passed to Public Works', null],
      ['status', 'In progress', 'A crew will fill it on Monday.'],
    ]);
    expect(JSON.stringify(twin, (key, value: unknown) => (key === 'at' ? undefined : value))).not.toMatch(/211|5550166|tire/);
  });

  it('answers a guessed or partial link exactly as an unknown one: the reference alone reveals nothing', async () => {
    const unknown = await tracked('text/html', '/track/Z9Z9Z9-AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.text();
    for (const guess of [
      `/track/${reference}-AAAAAAAAAAAAAAAAAAAAAA`,
      `/track/${reference}`,
      `/track/${reference}-`,
      `${path}x`,
      `/track/${reference.toLowerCase()}-${path.split('-').slice(1).join('-').slice(0, -1)}`,
    ]) {
      const response = await tracked('text/html', guess);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(unknownBody);
      const json = await tracked('application/json', guess);
      expect(json.status).toBe(404);
      expect(await errorCodeOf(json)).toBe('not_found');
    }
    expect(unknownBody).not.toContain('Bear');
  });

  describeWithChromium('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch(CHROMIUM_LAUNCH);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.each([
      ['phone', true, PHONE],
      ['phone', false, PHONE],
      ['desktop', true, DESKTOP],
      ['desktop', false, DESKTOP],
    ] as const)('reads well on a %s (JavaScript on: %p), without axe-core violations', async (name, javaScriptEnabled, viewport) => {
      const context = await browser.newContext({ ...viewport, javaScriptEnabled, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${running.url}${path}`);
      await page.getByRole('heading', { name: `Your report ${reference}` }).waitFor();
      expect(await page.getByRole('listitem').count()).toBe(3);
      expect(await page.getByText('A crew will fill it on Monday.').isVisible()).toBe(true);
      // nothing wider than the screen: no sideways scrolling on a phone
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(viewport.viewport!.width);
      await page.screenshot({ path: `/tmp/intake-tracking-${name}${javaScriptEnabled ? '' : '-nojs'}.png`, fullPage: true });
      if (javaScriptEnabled) {
        await page.addScriptTag({ path: require.resolve('axe-core') });
        const violations = await page.evaluate(async () => {
          const axe = (window as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        expect(violations).toEqual([]);
      }
      await context.close();
    });
  });
});
