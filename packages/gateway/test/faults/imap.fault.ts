import { rmSync } from 'node:fs';
import {
  startDovecot,
  startRedisServer,
  startSmtpSink,
  uniquePrefix,
  type Dovecot,
  type RedisServer,
  type SmtpSink,
} from '@intake/testkit';
import { Ledger, NOTHING_WRONG, startCrm, type Crm } from './ledger.js';
import { faultDeployment, startGatewayProcess, writeConfig, type GatewayProcess } from './processes.js';

const TOWN_ADDRESS = '311@intake-fault.example';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mail = (n: number, messageId: string) =>
  [
    `From: Caller ${n} <caller${n}@example.org>`,
    `To: ${TOWN_ADDRESS}`,
    `Subject: Streetlight ${n}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 23 Nov 2026 10:00:00 -0700',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Streetlight ${n} is out at ${100 + n} Bear Street.`,
    '',
  ].join('\r\n');

/** The IMAP connection of a running gateway dropped again and again while mail arrives and is fetched. */
describe('the IMAP connection dropped mid-fetch, checked against a ledger', () => {
  let redis: RedisServer;
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let crm: Crm;
  let gateway: GatewayProcess;
  let folder: string;

  beforeAll(async () => {
    [redis, dovecot, smtp, crm] = await Promise.all([startRedisServer(), startDovecot(), startSmtpSink(), startCrm()]);
    const { file, dir } = await writeConfig(redis.url, uniquePrefix('imap-fault'), (raw) => {
      faultDeployment(raw, crm.url);
      raw.channels.email = {
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          user: dovecot.user,
          pass: dovecot.pass,
          processed_mailbox: 'Processed',
        },
        smtp: { host: smtp.host, port: smtp.port, secure: false, from: TOWN_ADDRESS },
      };
    });
    folder = dir;
    gateway = await startGatewayProcess(file, 'all', dir);
  });
  afterAll(async () => {
    await gateway?.kill();
    await Promise.all([redis?.stop(), dovecot?.stop(), smtp?.close(), crm?.close()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes every mail exactly once, those that arrived while the connection was down included', async () => {
    const ledger = new Ledger();
    let dropped = 0;
    // the test's own deliveries are IMAP sessions of the same user too: kicks come between them, never during one
    const kickWhileFetching = async () => {
      for (const wait of [0, 100, 250, 500]) {
        await pause(wait);
        if ((await dovecot.sessions()) === 0) continue;
        await dovecot.kick();
        dropped += 1;
      }
    };
    for (let burst = 0; burst < 6; burst++) {
      for (let n = burst * 5; n < burst * 5 + 5; n++) {
        const messageId = `<imap-fault-${n}@example.org>`;
        await dovecot.deliver(mail(n, messageId));
        // a mail in the mailbox is acknowledged: the server took it, the town must not lose it
        ledger.acknowledged.set(messageId, null);
      }
      // the poller hears of the new mail and fetches it: the connection drops under it, and again once it is back
      await kickWhileFetching();
    }

    expect(await ledger.settled(crm)).toEqual(NOTHING_WRONG);
    expect(await dovecot.list('INBOX')).toEqual([]);
    const processed = await dovecot.list('Processed');
    for (const messageId of ledger.acknowledged.keys())
      expect(processed.filter((stored) => stored.source.includes(messageId))).toHaveLength(1);
    expect(dropped).toBeGreaterThan(0);
    console.log(`the IMAP connection was dropped ${dropped} times while 30 mails arrived`);
  });
});
