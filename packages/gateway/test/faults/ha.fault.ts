import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { startRedisCluster, startSentinelSet, uniquePrefix, waitFor, type RedisCluster, type SentinelSet } from '@intake/testkit';
import { smsChannel, startTwilioStandIn, type TwilioStandIn } from '../twilio.js';
import { Ledger, NOTHING_WRONG, startCrm, type Crm } from './ledger.js';
import { faultDeployment, startGatewayProcess, writeConfig, type GatewayProcess } from './processes.js';

const run = promisify(execFile);
const redisCli = (port: number, ...args: string[]) => run('redis-cli', ['-p', String(port), ...args]).then(({ stdout }) => stdout.trim());

/**
 * The distributed Redis a bigger town runs, through ioredis's own clients: a primary watched by sentinels that fail
 * over when it dies, and a Redis Cluster. Each run is reconciled against the CRM's ledger.
 */
describe('highly available Redis, checked against a ledger', () => {
  let twilioApi: TwilioStandIn;
  let crm: Crm | null = null;
  let gateway: GatewayProcess | null = null;
  const folders: string[] = [];

  beforeAll(async () => {
    twilioApi = await startTwilioStandIn();
  });
  afterEach(async () => {
    await gateway?.kill();
    await crm?.close();
    gateway = crm = null;
  });
  afterAll(async () => {
    await twilioApi.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** One `intake start` on the given `redis` settings, its CRM, and the URL its senders post to. */
  async function deploy(redis: Record<string, unknown>) {
    crm = await startCrm();
    const crmUrl = crm.url;
    const { file, port, dir } = await writeConfig('redis://127.0.0.1:1', String(redis.prefix), (raw) => {
      faultDeployment(raw, crmUrl, smsChannel(twilioApi));
      raw.redis = redis;
    });
    folders.push(dir);
    gateway = await startGatewayProcess(file, 'all', dir);
    return { crm, url: `http://127.0.0.1:${port}` };
  }

  describe('Sentinel', () => {
    let set: SentinelSet;
    beforeAll(async () => {
      set = await startSentinelSet(2);
    });
    afterAll(async () => {
      await set.stop();
    });

    it('loses nothing acknowledged when the primary is SIGKILLed under load and a replica is promoted', async () => {
      const { crm, url } = await deploy({ sentinels: set.sentinels, name: set.name, prefix: uniquePrefix('sentinel') });
      const first = await set.currentPrimary();
      const ledger = new Ledger();
      await ledger.load({
        gatewayUrl: () => url,
        run: 'failover',
        count: 60,
        concurrency: 6,
        faultAfter: 20,
        during: async () => {
          await set.primary.kill();
          await waitFor(async () => (await set.currentPrimary()) !== first, 60_000, 'the sentinels to promote a replica');
        },
      });
      // and the promoted replica takes reports as the primary did
      await Promise.all(Array.from({ length: 6 }, () => ledger.send(() => url, 'after-failover')));
      expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
      expect(ledger.count).toBe(66);
      expect(set.replicas.map(({ port }) => port)).toContain(await set.currentPrimary());
    });
  });

  describe('Cluster', () => {
    let cluster: RedisCluster;
    beforeAll(async () => {
      cluster = await startRedisCluster(3);
    });
    afterAll(async () => {
      await cluster.stop();
    });

    it('takes reports end to end on three primaries, every key of the hash-tagged prefix in one slot', async () => {
      const tag = uniquePrefix('cluster');
      const { crm, url } = await deploy({ cluster: cluster.nodes, prefix: `{${tag}}` });
      const ledger = new Ledger();
      await ledger.load({
        gatewayUrl: () => url,
        run: 'cluster',
        count: 30,
        concurrency: 6,
        faultAfter: 30,
        during: async () => undefined,
      });
      expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
      expect(ledger.count).toBe(30);

      // BullMQ's keys and Intake's own all hash by the tag: one slot, so every MULTI and script stays on one node,
      // and the nodes that do not serve that slot hold nothing at all
      const ports = cluster.servers.map(({ port }) => port);
      const slot = await redisCli(ports[0]!, 'cluster', 'keyslot', tag);
      const inSlot = await Promise.all(ports.map(async (port) => Number(await redisCli(port, 'cluster', 'countkeysinslot', slot))));
      const owner = inSlot.findIndex((count) => count > 0);
      expect(inSlot[owner]).toBeGreaterThan(30);
      const others = ports.filter((_, index) => index !== owner);
      expect(await Promise.all(others.map((port) => redisCli(port, 'dbsize')))).toEqual(others.map(() => '0'));
    });
  });
});
