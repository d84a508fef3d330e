import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from './town.js';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function serve(
  handle: (req: IncomingMessage, body: string) => { status: number; body: string },
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const reply = handle(req, body);
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface Crm {
  url: string;
  /** request id -> when its record arrived (performance.now()) */
  arrivals: Map<string, number>;
  /** records received, valid signature or not */
  received(): number;
  close(): void;
}

/** The CRM: checks each record's signature as a receiver must, and notes when each id arrived. */
export async function startCrm(): Promise<Crm> {
  const arrivals = new Map<string, number>();
  let received = 0;
  const { url, server } = await serve((req, body) => {
    received += 1;
    if (req.headers['x-intake-signature'] !== signWebhook(body)) return { status: 401, body: '{"error":"bad signature"}' };
    arrivals.set((JSON.parse(body) as { id: string }).id, performance.now());
    return { status: 200, body: '{}' };
  });
  return { url, arrivals, received: () => received, close: () => server.close() };
}

/** Twilio's REST API, answering message creations as Twilio does, so replies to citizens cost what they do. */
export async function startTwilio(): Promise<{ url: string; close(): void }> {
  let sent = 0;
  const { url, server } = await serve(() => {
    sent += 1;
    return { status: 201, body: JSON.stringify({ sid: `SM${String(sent).padStart(32, '0')}`, status: 'queued' }) };
  });
  return { url, close: () => server.close() };
}
