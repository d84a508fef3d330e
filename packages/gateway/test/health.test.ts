import { uniquePrefix, waitFor } from '@intake/testkit';
import { httpReady, workersAlive } from '../src/health.js';
import { demoConfig, startGateway } from './harness.js';

/** `intake health`: what the containers' health checks ask; a workers-only process opens no port. */
describe('intake health', () => {
  it('finds the workers of this host by their heartbeat, and the HTTP side by /readyz', async () => {
    const config = demoConfig();
    const running = await startGateway(config);
    try {
      await waitFor(() => workersAlive(config), 10_000, 'the workers heartbeat');
      expect(await httpReady(Number(new URL(running.url).port))).toBe(true);
    } finally {
      await running.stop();
    }
  });

  it('finds no workers where only HTTP runs, and no HTTP side on a closed port', async () => {
    const config = demoConfig((raw) => (raw.redis.prefix = uniquePrefix('health')));
    const running = await startGateway(config, { workers: false });
    const port = Number(new URL(running.url).port);
    try {
      expect(await workersAlive(config)).toBe(false);
    } finally {
      await running.stop();
    }
    expect(await httpReady(port)).toBe(false);
  });
});
