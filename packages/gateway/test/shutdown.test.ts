import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedisServer, uniquePrefix, type RedisServer } from '@intake/testkit';
import { startGatewayProcess, writeConfig } from './faults/processes.js';

/** A real `intake start` whose Redis is killed, then SIGTERM: it must end, cleanly, without Redis coming back. */
describe('intake start, stopped while Redis is down', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('exits 0 within its grace period, and everything it printed is JSON log lines', async () => {
    const { file } = await writeConfig(redis.url, uniquePrefix('shutdown'), () => undefined);
    const logDir = mkdtempSync(path.join(tmpdir(), 'intake-shutdown-'));
    const gateway = await startGatewayProcess(file, 'all', logDir);
    try {
      await redis.kill();
      const asked = Date.now();
      gateway.signal('SIGTERM');
      // a gateway that hangs is killed after 30 s, so the test fails rather than waiting with it
      const hung = setTimeout(() => void gateway.kill(), 30_000);
      const ended = await gateway.exited().finally(() => clearTimeout(hung));
      // printed, not asserted: the grace period bounds it, and a hang fails the test by its timeout
      console.log(`SIGTERM with Redis down: exited ${ended.code ?? ended.signal} after ${Date.now() - asked} ms`);
      expect(ended).toEqual({ code: 0, signal: null });
    } finally {
      await gateway.kill();
    }
    const printed = readdirSync(logDir).flatMap((name) => readFileSync(path.join(logDir, name), 'utf8').split('\n'));
    const lines = printed.filter((line) => line.trim() !== '');
    const notJson = lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down']));
  }, 60_000);
});
