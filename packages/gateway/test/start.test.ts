import { REDIS_URL, deletePrefix, startLoopbackServer, uniquePrefix, waitFor } from '@intake/testkit';
import { loadGatewayConfig } from '../src/config.js';
import { workersAlive } from '../src/health.js';
import { startGatewayProcess, writeConfig } from './faults/processes.js';
import { everythingTo } from './harness.js';

/** `intake start` as a user runs it: HTTP and the deliveries on the main thread, the pipeline workers on a thread of their own. */
describe('intake start with HTTP and workers', () => {
  it('delivers a report, beats for `health --workers`, serves both threads’ counters at /metrics and stops on SIGTERM', async () => {
    const crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    const prefix = uniquePrefix('start');
    const { file, port, dir } = await writeConfig(REDIS_URL, prefix, (raw) => (raw.router = everythingTo(crm)));
    const gateway = await startGatewayProcess(file, 'all', dir);
    const url = `http://127.0.0.1:${port}`;
    try {
      const response = await fetch(`${url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'big pothole outside 211 Bear St' }),
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      await waitFor(() => crm.requests.some((received) => (JSON.parse(received.body) as { id: string }).id === id), 30_000, 'the delivery');
      // received and delivered are the HTTP thread's counters; normalized is the workers' thread's
      const scraped = await waitFor(
        async () => {
          const text = await (await fetch(`${url}/metrics`)).text();
          return /^intake_delivered_total\{destination="crm"\} 1$/m.test(text) ? text : undefined;
        },
        10_000,
        'the delivery counted at /metrics',
      );
      expect(scraped).toMatch(/^intake_received_total\{channel="web"\} 1$/m);
      expect(scraped).toMatch(/^intake_normalized_total\{channel="web"\} 1$/m);
      expect(await workersAlive(loadGatewayConfig(file))).toBe(true);
      gateway.signal('SIGTERM');
      expect(await gateway.exited()).toEqual({ code: 0, signal: null });
    } finally {
      await gateway.kill();
      await crm.close();
      await deletePrefix(prefix);
    }
  }, 90_000);
});
