import { rmSync } from 'node:fs';
import { startRedisServer, uniquePrefix, waitFor, type RedisServer } from '@intake/testkit';
import { smsChannel, startTwilioStandIn, type TwilioStandIn } from '../twilio.js';
import { Ledger, NOTHING_WRONG, startCrm, type Crm, type CrmAnswer } from './ledger.js';
import { faultDeployment, startGatewayProcess, writeConfig, type GatewayProcess, type Mode } from './processes.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reports over the web form and signed SMS while something breaks; at the end the CRM's ledger is reconciled with
 * the senders': every report answered 2xx delivered, none under two request ids, redeliveries with the same key.
 */
describe('faults under load, each checked against a ledger', () => {
  let redis: RedisServer;
  let twilioApi: TwilioStandIn;
  const running: GatewayProcess[] = [];
  const folders: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    twilioApi = await startTwilioStandIn();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((gateway) => gateway.kill()));
  });
  afterAll(async () => {
    await redis.stop();
    await twilioApi.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function setUp(crm: Crm, modes: Mode[]) {
    const prefix = uniquePrefix('fault');
    const { file, port, dir } = await writeConfig(redis.url, prefix, (raw) => faultDeployment(raw, crm.url, smsChannel(twilioApi)));
    folders.push(dir);
    const start = async (mode: Mode) => {
      const gateway = await startGatewayProcess(file, mode, dir);
      running.push(gateway);
      return gateway;
    };
    const gateways = [];
    for (const mode of modes) gateways.push(await start(mode));
    return { url: `http://127.0.0.1:${port}`, gateways, start, ledger: () => new Ledger({ url: redis.url, prefix }) };
  }

  type Deployment = Awaited<ReturnType<typeof setUp>>;

  /** Sends `count` reports 6 at a time through a fresh deployment and breaks it with `fault` after `faultAfter` were acknowledged. */
  async function underLoad(
    run: string,
    crm: Crm,
    modes: Mode[],
    fault: (deployment: Deployment) => Promise<void>,
    count = 60,
    faultAfter = 20,
  ) {
    const deployment = await setUp(crm, modes);
    const ledger = deployment.ledger();
    await ledger.load({ gatewayUrl: () => deployment.url, run, count, concurrency: 6, faultAfter, during: () => fault(deployment) });
    return ledger;
  }

  it('loses and doubles nothing when Redis is SIGKILLed during load and restarted from its AOF', async () => {
    const crm = await startCrm();
    const ledger = await underLoad('redis-kill', crm, ['all'], async () => {
      await redis.kill();
      await pause(1000);
      await redis.start();
    });
    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    expect(ledger.count).toBe(60);
    await crm.close();
  });

  it('loses and doubles nothing when the gateway is SIGKILLed during load and started again', async () => {
    const crm = await startCrm();
    const ledger = await underLoad('gateway-kill', crm, ['all'], async ({ gateways, start }) => {
      await gateways[0]!.kill();
      await start('all');
    });
    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    await crm.close();
  });

  it('hands the deliveries a SIGKILLed worker held to the next worker, with the same keys', async () => {
    // slow answers keep deliveries in the worker's hands when it dies
    const crm = await startCrm((index) => (index < 30 ? 'slow' : 'ok'));
    const ledger = await underLoad(
      'worker-kill',
      crm,
      ['http-only', 'workers-only'],
      async ({ gateways, start }) => {
        await gateways[1]!.kill();
        await start('workers-only');
      },
      40,
    );
    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    await crm.close();
  });

  it('resumes the deliveries a SIGKILLed worker held within seconds', async () => {
    const crm = await startCrm((index) => (index < 3 ? 'hang' : 'ok'));
    const { url, gateways, start, ledger: newLedger } = await setUp(crm, ['http-only', 'workers-only']);
    const ledger = newLedger();
    for (let n = 0; n < 3; n++) await ledger.send(() => url, 'held');
    await waitFor(() => crm.received >= 3, 30_000, 'the worker to hold three deliveries');
    const killedAt = Date.now();
    await gateways[1]!.kill();
    await start('workers-only');
    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    // measured, not asserted (timing belongs to pnpm bench): the lock and stalled settings aim at under 10 s
    console.log(`held deliveries resumed ${Date.now() - killedAt} ms after the worker was killed (worker start-up included)`);
    await crm.close();
  });

  it('delivers everything through a CRM that is down, slow, or answers 500 or 429 at random', async () => {
    let seed = 8;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const answers: CrmAnswer[] = ['error', 'busy', 'slow', 'drop'];
    const crm = await startCrm(() => (random() < 0.4 ? answers[Math.floor(random() * answers.length)]! : 'ok'));
    const ledger = await underLoad(
      'crm-chaos',
      crm,
      ['all'],
      async () => {
        await crm.down();
        await pause(2000);
        await crm.up();
      },
      50,
      15,
    );
    expect(await ledger.settled(crm, 90_000)).toEqual(NOTHING_WRONG);
    await crm.close();
  });

  it('exits cleanly on SIGTERM under load, and what it acknowledged is delivered after a restart', async () => {
    const crm = await startCrm();
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    const ledger = await underLoad('sigterm', crm, ['all'], async ({ gateways, start }) => {
      gateways[0]!.signal('SIGTERM');
      exit = await gateways[0]!.exited();
      await start('all');
    });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    await crm.close();
  });
});
