import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createLogger, parseConfig } from '@intake/core';
import { REDIS_URL, deletePrefix, startLoopbackServer, uniquePrefix, waitFor, type LoopbackServer } from '@intake/testkit';
import { openSqliteIndex } from '@intake/console';
import { parse } from 'yaml';
import { createGateway, type Gateway } from '../src/index.js';
import { pluginSchemas } from '../src/plugins.js';
import { writeDemoConfig } from './harness.js';

const run = promisify(execFile);
const cli = path.resolve(__dirname, '../src/cli.ts');
const tsx = pathToFileURL(require.resolve('tsx')).href;

/** The demo town with a CRM stand-in as two destinations that refuse until told otherwise. */
const writeConfig = (crmUrl: string, prefix: string): string =>
  writeDemoConfig({ redisUrl: REDIS_URL, prefix }, (raw) => {
    raw.delivery = { attempts: 1, backoff_ms: 10 };
    raw.router = {
      destinations: { crm: { type: 'webhook', url: crmUrl, secret: 's' }, works: { type: 'webhook', url: crmUrl, secret: 's' } },
      rules: [],
      default: { deliver_to: ['crm', 'works'] },
    };
    delete raw.console;
  }).file;

/** The CLI's own data directory, where `index rebuild` writes this host's SQLite index. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'intake-cli-data-'));

async function intake(args: string[]) {
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', tsx, cli, ...args], {
    env: { ...process.env, INTAKE_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return stdout;
}

describe('intake dead-letters and index rebuild, from the CLI', () => {
  const prefix = uniquePrefix('cli-dl');
  let crm: LoopbackServer;
  let crmUp = false;
  let gateway: Gateway;
  let file: string;
  const ids: string[] = [];

  beforeAll(async () => {
    crm = await startLoopbackServer(() => (crmUp ? { status: 201, body: '{}' } : { status: 400, body: '{"error":"no"}' }));
    file = writeConfig(crm.url, prefix);
    const config = parseConfig(parse(readFileSync(file, 'utf8')), {
      base_dir: path.dirname(file),
      source: file,
      env: {},
      plugins: pluginSchemas,
    });
    gateway = await createGateway({ config, log: createLogger({ level: 'silent' }), http: false });
    await gateway.start();
    for (const text of ['pothole at 211 Bear Street', 'streetlight out at 110 Bear Street']) {
      const accepted = await gateway.context.accept({ channel: 'web', external_id: text, text });
      ids.push(accepted.id);
    }
    await waitFor(async () => (await gateway.router.deadLetters()).length === 4, 20_000, 'four dead letters');
  });
  afterAll(async () => {
    await gateway.stop();
    await crm.close();
    await deletePrefix(prefix);
  });

  it('lists and inspects by request id, replays one request, then every dead letter of one destination', async () => {
    const listed = JSON.parse(await intake(['dead-letters', 'list', '--config', file])) as { id: string; destination: string }[];
    expect(listed.map((entry) => `${entry.id}:${entry.destination}`).sort()).toEqual(
      ids.flatMap((id) => [`${id}:crm`, `${id}:works`]).sort(),
    );
    const inspected = JSON.parse(await intake(['dead-letters', 'inspect', ids[0]!, '--config', file])) as { id: string }[];
    expect(inspected.map((entry) => entry.id)).toEqual([ids[0], ids[0]]);

    crmUp = true;
    expect(await intake(['dead-letters', 'replay', ids[0]!, '--config', file])).toMatch(
      /^replayed .*@crm.*@works|^replayed .*@works.*@crm/,
    );
    expect(await intake(['dead-letters', 'replay', '--all', '--destination', 'crm', '--config', file])).toContain(
      'replayed 1 dead letters',
    );
    const left = await gateway.router.deadLetters();
    expect(left.map((entry) => `${entry.id}:${entry.destination}`)).toEqual([`${ids[1]}:works`]);
    await waitFor(
      async () => (await gateway.store.deliveries(ids[1]!)).find((d) => d.destination === 'crm')?.status === 'delivered',
      15_000,
      'the replayed delivery',
    );

    expect(await intake(['dead-letters', 'purge', '--all', '--config', file])).toContain('purged 1 dead letters');
    expect(await gateway.router.deadLetters()).toEqual([]);
  }, 180_000); // five runs of the CLI from its TypeScript sources, each a few seconds when the machine is busy

  it("rebuilds this host's request index from what Redis keeps", async () => {
    expect(await intake(['index', 'rebuild', '--config', file])).toContain('indexed 2 requests into the sqlite index; removed 0');
    const index = openSqliteIndex(path.join(dataDir, 'index.sqlite'));
    try {
      expect((await index.search({ words: 'streetlight', limit: 5 })).map((row) => row.id)).toEqual([ids[1]]);
      expect(await index.count()).toBe(2);
    } finally {
      await index.close();
    }
  }, 60_000);
});
