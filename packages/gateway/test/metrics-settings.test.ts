import { demoConfig, startGateway, type Running } from './harness.js';

const METRICS_TOKEN = 'a-scrape-token';

describe('server.metrics: the metrics route behind a token', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startGateway(
      demoConfig((raw) => (raw.server.metrics = { token: METRICS_TOKEN })),
      { workers: false },
    );
  });
  afterAll(async () => running.stop());

  it('answers a scraper with the token, and no one else', async () => {
    const scraped = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('intake_received_total');
    const anonymous = await fetch(`${running.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((await fetch(`${running.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });
});

describe('server.metrics: the metrics route on a port of its own', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startGateway(
      demoConfig((raw) => (raw.server.metrics = { port: 0 })),
      { workers: false },
    );
  });
  afterAll(async () => running.stop());

  it('serves /metrics on that port only, and nothing else there', async () => {
    const port = running.gateway.metricsPort();
    expect(port).not.toBeNull();
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('intake_queue_jobs');
    expect((await fetch(`http://127.0.0.1:${port}/admin`)).status).toBe(404);
    expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
