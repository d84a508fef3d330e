import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { freePort, waitForPort } from './ports.js';

const run = promisify(execFile);

export interface StoredMail {
  uid: number;
  flags: string[];
  source: string;
}

/** A real Dovecot IMAP server on loopback, in a folder of its own (Debian's dovecot-imapd). */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** puts a mail into a mailbox (created when missing) as a delivery would; resolves with its UID */
  deliver(raw: string | Buffer, mailbox?: string): Promise<number>;
  /** the mail in a mailbox (none when the mailbox does not exist) */
  list(mailbox?: string): Promise<StoredMail[]>;
  /** open IMAP sessions of the user */
  sessions(): Promise<number>;
  /** drops every IMAP connection of the user at once (doveadm kick) */
  kick(): Promise<void>;
  /** stops the server and starts it again on the same port with the same mail */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function findProgram(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
  const found = dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (found === undefined) throw new Error(`${name} not found: install Debian's dovecot-imapd (.ci/run does)`);
  return found;
}

/**
 * A minimal Dovecot 2.3 configuration for loopback tests: plain-text login, Maildir under one folder. As root,
 * Dovecot's own users run it: the login process must not be root and mail belongs to `dovecot` (`first_valid_uid = 1`).
 * As anyone else, that user runs every part, without chroot.
 */
function configuration(dir: string, port: number, asRoot: boolean): string {
  const me = userInfo().username;
  const group = asRoot ? 'dovecot' : execFileSync('id', ['-gn']).toString().trim();
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${asRoot ? 'dovecot' : me}
default_login_user = ${asRoot ? 'dovenull' : me}
default_internal_group = ${group}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${asRoot ? 'dovecot' : me} gid=${group} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }${asRoot ? '' : '\n  chroot ='}
}
${asRoot ? '' : 'service anvil {\n  chroot =\n}\n'}first_valid_uid = 1
`;
}

/** Stops the server and removes its folder once `owner` is gone, so that a killed test process leaves nothing running. */
function watchdog(owner: number, pidFile: string, dir: string) {
  const script = `while kill -0 ${owner} 2>/dev/null; do sleep 1; done; [ -f '${pidFile}' ] && kill "$(cat '${pidFile}')"; sleep 2; rm -rf '${dir}'`;
  const guard = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  guard.unref();
  return guard;
}

async function withClient<T>(dovecot: Pick<Dovecot, 'host' | 'port' | 'user' | 'pass'>, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.pass },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Starts Dovecot on a free loopback port with one user; `stop()` removes everything it wrote. */
export async function startDovecot(options: { user?: string; pass?: string } = {}): Promise<Dovecot> {
  const dovecotBin = findProgram('dovecot');
  const doveadmBin = findProgram('doveadm');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-dovecot-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub));
  const user = options.user ?? 'intake';
  const pass = options.pass ?? 'secret';
  writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${pass}\n`);
  if (asRoot) execFileSync('chown', ['-R', 'dovecot:dovecot', path.join(dir, 'mail')]);
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(conf, configuration(dir, port, asRoot));
  const pidFile = path.join(dir, 'run', 'master.pid');

  async function launch() {
    // the daemon keeps inherited pipes open: with them, waiting for the command would never end
    const starter = spawn(dovecotBin, ['-c', conf], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => starter.once('exit', resolve).once('error', reject));
    if (code !== 0) throw new Error(`dovecot exited with ${code}; see ${dir}/dovecot.log`);
    await waitForPort(port, 'Dovecot');
  }

  async function halt() {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // a stale pid file stops the next start
    rmSync(pidFile, { force: true });
  }

  await launch();
  const guard = watchdog(process.pid, pidFile, dir);
  const dovecot: Dovecot = {
    host: '127.0.0.1',
    port,
    user,
    pass,
    deliver: (raw, mailbox = 'INBOX') =>
      withClient(dovecot, async (client) => {
        await client.mailboxCreate(mailbox);
        const appended = await client.append(mailbox, raw);
        if (appended === false || appended.uid === undefined) throw new Error(`could not append to ${mailbox}`);
        return appended.uid;
      }),
    list: (mailbox = 'INBOX') =>
      withClient(dovecot, async (client) => {
        const lock = await client.getMailboxLock(mailbox).catch(() => null);
        if (lock === null) return [];
        try {
          const mail = await client.fetchAll('1:*', { uid: true, flags: true, source: true }, { uid: true });
          return mail.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])], source: m.source?.toString('utf8') ?? '' }));
        } finally {
          lock.release();
        }
      }),
    async sessions() {
      const { stdout } = await run(doveadmBin, ['-c', conf, 'who', '-1']);
      return stdout.split('\n').filter((line) => line.startsWith(`${user} `)).length;
    },
    async kick() {
      await run(doveadmBin, ['-c', conf, 'kick', user]).catch((error: { code?: number }) => {
        // 68: nobody was connected
        if (error.code !== 68) throw error;
      });
    },
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      guard.kill();
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return dovecot;
}
