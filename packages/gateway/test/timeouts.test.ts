import { connect } from 'node:net';
import { demoConfig, startGateway, type Running } from './harness.js';

/** Sends `head` and nothing more, then resolves with all the server said before it closed the connection. */
function sendAndStall(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(head));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('slow clients are cut off', () => {
  let running: Running;

  beforeAll(async () => {
    running = await startGateway(
      demoConfig((raw) => {
        raw.server.headers_timeout_ms = 300;
        raw.server.request_timeout_ms = 600;
      }),
      { workers: false },
    );
  });
  afterAll(async () => {
    await running.stop();
  });

  it('answers 408 and closes a request whose body never finishes', async () => {
    const answer = await sendAndStall(
      running.url,
      'POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"description":',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers 408 and closes a request whose headers never finish', async () => {
    const answer = await sendAndStall(running.url, 'POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses a configuration whose header timeout exceeds the request timeout', () => {
    expect(() =>
      demoConfig((raw) => {
        raw.server.headers_timeout_ms = 5000;
        raw.server.request_timeout_ms = 1000;
      }),
    ).toThrow(/headers_timeout_ms/);
  });
});
