import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createLogger, redisAnswers } from '@intake/core';
import { ensureRedis } from '../src/index.js';

const run = promisify(execFile);
const cli = path.resolve(__dirname, '../src/cli.ts');
const tsx = pathToFileURL(require.resolve('tsx')).href;

/** Runs the real CLI from its TypeScript sources (tsx), the way `pnpm intake` runs the compiled one. */
async function intake(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', tsx, cli, ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// Each case spawns the CLI through tsx, which takes 5-10 s of a loaded 2-core machine per spawn.
jest.setTimeout(90_000);

describe('the intake CLI', () => {
  it('checks the demo configuration', async () => {
    const { code, stdout } = await intake(['config', 'check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK — Town of Banff \(banff\.ca\), 15 services/);
  });

  it('prints every problem as path: message and exits with code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
    const file = path.join(dir, 'intake.yaml');
    writeFileSync(file, 'jurisdiction: { id: x }\nservices: []\nrouter: { destinations: { out: { type: file } } }\n');
    const { code, stderr } = await intake(['config', 'check', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('jurisdiction.name: ');
    expect(stderr).toContain('services: ');
  });

  it('checks an S3 media store, credentials from the environment, and never prints the secret', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
    const file = path.join(dir, 'intake.yaml');
    const config = (store: string) =>
      'jurisdiction: { id: example.org, name: Example }\nservices: [{ code: OTHER, name: Other }]\n' +
      `router: { destinations: { out: { type: file, path: out.jsonl } } }\nmedia: { store: ${store} }\n`;
    writeFileSync(
      file,
      config(
        '{ type: s3, bucket: town-media, endpoint: "http://127.0.0.1:9000", force_path_style: true, access_key_id: "${S3_KEY}", secret_access_key: "${S3_SECRET}" }',
      ),
    );
    const checked = await intake(['config', 'check', '--config', file], { S3_KEY: 'AKIACLITEST', S3_SECRET: 'cli-secret-Zr8' });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('media: S3 bucket town-media at http://127.0.0.1:9000, path-style, credentials from the config');
    expect(checked.stdout + checked.stderr).not.toContain('cli-secret-Zr8');

    writeFileSync(file, config('{ type: s3, bucket: town-media, secret_access_key: "${S3_SECRET}" }'));
    const refused = await intake(['config', 'check', '--config', file], { S3_SECRET: 'cli-secret-Zr8' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('media.store.secret_access_key: give both access_key_id and secret_access_key, or neither');
    expect(refused.stderr).not.toContain('cli-secret-Zr8');
  });

  it('names a missing boundary file, not a bare ENOENT at start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
    const file = path.join(dir, 'intake.yaml');
    writeFileSync(
      file,
      [
        'jurisdiction: { id: x, name: X, boundary: ./boundary.geojson }',
        'services: [{ code: POTHOLE, name: Pothole }]',
        'router: { destinations: { out: { type: file, path: ./out.jsonl } }, default: { deliver_to: [out] } }',
      ].join('\n'),
    );
    const { code, stderr } = await intake(['config', 'check', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`jurisdiction.boundary: there is no file ${path.join(dir, 'boundary.geojson')}`);
    expect(stderr).not.toContain('ENOENT');
  });

  it('names a misspelt field of the request a rules test reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
    const file = path.join(dir, 'request.json');
    writeFileSync(file, JSON.stringify({ description: 'gas leak', servce_code: 'OTHER' }));
    const { code, stderr } = await intake(['rules', 'test', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: (top level): unknown key "servce_code" (did you mean "service_code"?)`);
  });

  it('dry-runs the rules on a request and says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-cli-'));
    const file = path.join(dir, 'request.json');
    writeFileSync(file, JSON.stringify({ description: 'I can smell a gas leak near the school', service_code: 'OTHER' }));
    const { code, stdout } = await intake(['rules', 'test', file]);
    expect(code).toBe(0);
    const decision = JSON.parse(stdout);
    expect(decision).toMatchObject({ rule: 'gas leaks to the emergency desk', priority: 'urgent', deliver_to: ['outbox'] });
    expect(decision.trace[0].matched).toBe(true);
  });
});

describe('Redis auto-start', () => {
  it('starts redis-server with AOF under the data folder when nothing answers on a local URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-redis-'));
    expect(await redisAnswers(url)).toBe(false);
    const child = await ensureRedis(url, dir, createLogger({ level: 'silent' }));
    try {
      expect(child).not.toBeNull();
      expect(await redisAnswers(url)).toBe(true);
      expect(existsSync(path.join(dir, 'appendonlydir')) || existsSync(path.join(dir, 'appendonly.aof'))).toBe(true);
    } finally {
      child?.kill();
      if (child) await once(child, 'exit');
    }
  });

  it('leaves a Redis that answers alone', async () => {
    expect(await ensureRedis('redis://127.0.0.1:6379', tmpdir(), createLogger({ level: 'silent' }))).toBeNull();
  });

  it('explains how to get Redis when redis-server is not installed', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis(url, tmpdir(), createLogger({ level: 'silent' }), 'redis-server-not-installed')).rejects.toThrow(
      `Intake needs Redis and nothing answers at ${url}`,
    );
  });
});
