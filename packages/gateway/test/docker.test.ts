import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Docker cannot run here, so the files are checked for what would break a build or a start. */
describe('docker/', () => {
  const dockerfile = read('docker/Dockerfile');
  const compose = parse(read('docker/compose.yaml')) as { services: Record<string, any>; volumes: Record<string, unknown> };

  it('copies only paths that exist and pins the pnpm of packageManager', () => {
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copies.length).toBeGreaterThan(3);
    for (const source of copies) expect(existsSync(path.join(root, source))).toBe(true);
    const pinned = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager.split('@')[1];
    expect(dockerfile).toContain(`pnpm@${pinned}`);
  });

  it('starts the compiled CLI of the gateway package', () => {
    const entrypoint = JSON.parse(/^ENTRYPOINT (.+)$/m.exec(dockerfile)![1]!) as string[];
    expect(entrypoint[1]).toBe('packages/gateway/dist/cli.js');
    expect(existsSync(path.join(root, 'packages/gateway/src/cli.ts'))).toBe(true);
  });

  it('runs the gateway, workers and Redis with AOF persistence on a volume', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'redis', 'workers']);
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services.redis.volumes[0]).toMatch(/^redis-data:\/data$/);
    expect(compose.volumes).toHaveProperty('redis-data');
    expect(compose.services.gateway.command).toEqual(['start', '--http-only']);
    expect(compose.services.workers.command).toEqual(['start', '--workers-only']);
    for (const name of ['gateway', 'workers']) expect(compose.services[name].environment.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.gateway.build.dockerfile).toBe('docker/Dockerfile');
  });
});
