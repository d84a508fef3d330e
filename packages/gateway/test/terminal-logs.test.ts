import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REDIS_URL, deletePrefix, uniquePrefix, waitFor } from '@intake/testkit';
import { CLI, FROM_SOURCES, writeConfig } from './faults/processes.js';

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * `intake start` in a terminal: util-linux's `script` gives it a pseudo-terminal, as a shell would. The JSON a log
 * collector reads when stdout is not a terminal is checked by shutdown.test.ts.
 */
describe('intake start in a terminal', () => {
  const prefix = uniquePrefix('tty');
  afterAll(() => deletePrefix(prefix));

  it('prints log lines a person reads, not JSON', async () => {
    const { file, port } = await writeConfig(REDIS_URL, prefix, () => undefined);
    const command = [process.execPath, ...FROM_SOURCES, CLI, 'start', '--config', file].map(quote).join(' ');
    // its own process group, so the gateway under `script` goes with it
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    try {
      await waitFor(() => printed.includes('Intake listening'), 60_000, 'the gateway to start');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await once(child, 'exit');
    }
    const line = printed.split(/\r?\n/).find((text) => text.includes('Intake listening'))!;
    expect(line).toMatch(/INFO/);
    expect(line).toContain(`Intake listening on http://localhost:${port}`);
    expect(printed).not.toMatch(/^\{"level"/m);
  }, 90_000);
});
