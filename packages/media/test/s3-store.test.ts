import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import S3rver from '@20minutes/s3rver';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, IntakeError, createLogger, parseConfig, type LoadedConfig, type S3StoreConfig } from '@intake/core';
import express from 'express';
import sharp from 'sharp';
import { S3MediaStore, createMediaService, type MediaService } from '../src/index.js';

/** s3rver's one account; a real bucket checks the SigV4 signature made with this secret, and so does s3rver. */
const ACCESS_KEY = 'S3RVER';
const SECRET = 'S3RVER';
const BUCKET = 'town-media';

const configWith = (store: Record<string, unknown>): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'example.org', name: 'Example' },
      server: { admin_token: 'media-s3-test-admin-token' },
      services: [{ code: 'OTHER', name: 'Other' }],
      router: { destinations: {} },
      media: { store },
    },
    { base_dir: __dirname, source: 'test' },
  );

/** What a logger wrote, line by line, so a test can look for secrets in it. */
function capturedLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Jane Citizen' } })
    .toBuffer();

describe('the S3-compatible media store, against s3rver on loopback', () => {
  let s3rver: S3rver;
  let endpoint: string;
  let dir: string;
  let app: { url: string; close: () => Promise<void> };
  let storeConfig: Record<string, unknown>;
  let bucket: S3Client;

  /** A media service on the bucket, served by a real HTTP server; `overrides` changes the store's options. */
  async function serve(overrides: Record<string, unknown> = {}, log = createLogger({ level: 'silent' })) {
    const web = express();
    const server = web.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const service = createMediaService(configWith({ ...storeConfig, ...overrides }), log, { base: url });
    web.use(service.router());
    web.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const known = error instanceof IntakeError ? error : new IntakeError(500, 'internal', 'bug');
      res.status(known.status).json({ error: { code: known.code, message: known.message } });
    });
    return { url, service, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  let media: MediaService;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 's3rver-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
    storeConfig = {
      type: 's3',
      bucket: BUCKET,
      endpoint,
      force_path_style: true,
      prefix: 'photos/',
      access_key_id: ACCESS_KEY,
      secret_access_key: SECRET,
    };
    bucket = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
    });
    const served = await serve();
    media = served.service;
    app = served;
  });
  afterAll(async () => {
    bucket.destroy();
    await app.close();
    await s3rver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keyOf = (url: string) => `photos/${new URL(url).pathname.split('/').pop()}`;
  const objectAt = async (key: string) => {
    const found = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return { bytes: Buffer.from(await found.Body!.transformToByteArray()), type: found.ContentType };
  };

  it('keeps a photo in the bucket under the prefix, with its type, and serves the same bytes at its signed link', async () => {
    const saved = await media.intake.savePhoto(await photo(), 'IMG_0002.jpg');
    const stored = await objectAt(keyOf(saved.media.url));
    expect(stored.type).toBe('image/jpeg');
    expect(stored.bytes.length).toBe(saved.media.bytes);
    expect(stored.bytes.includes(Buffer.from('Jane Citizen'))).toBe(false);

    const served = await fetch(saved.media.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(stored.bytes)).toBe(true);
  });

  it('keeps a PNG as a PNG and a PDF as a download', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer();
    const saved = await media.intake.savePhoto(png, 'plan.png');
    expect((await objectAt(keyOf(saved.media.url))).type).toBe('image/png');
    expect((await fetch(saved.media.url)).headers.get('content-type')).toBe('image/png');

    const pdf = await media.intake.saveFile(Buffer.from('%PDF-1.7 council minutes'), 'application/pdf', 'minutes.pdf');
    expect((await objectAt(keyOf(pdf.url))).type).toBe('application/pdf');
    const download = await fetch(pdf.url);
    expect(download.headers.get('content-disposition')).toBe('attachment');
    expect(await download.text()).toBe('%PDF-1.7 council minutes');
  });

  it('answers a missing object with null from the store and 404 at a validly signed link', async () => {
    const store = new S3MediaStore(configWith(storeConfig).media.store as S3StoreConfig);
    expect(await store.get('01JDXXXXXXXXXXXXXXXXXXXXXX.jpg')).toBeNull();

    const saved = await media.intake.savePhoto(await photo(), null);
    await media.intake.discard([saved.media]);
    const gone = await fetch(saved.media.url);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'not_found', message: 'no such media' } });
  });

  it('removes what discard names from the bucket, and leaves links that are not ours alone', async () => {
    const first = await media.intake.savePhoto(await photo(), null);
    const second = await media.intake.saveFile(Buffer.from('notes'), 'text/plain', 'notes.txt');
    await media.intake.discard([first.media, second, { url: 'https://api.twilio.com/x.jpg', content_type: null, name: null, bytes: null }]);
    for (const url of [first.media.url, second.url]) await expect(objectAt(keyOf(url))).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it.each([
    ['a wrong secret', { secret_access_key: 'not-the-secret-Xq7' }, 'SignatureDoesNotMatch'],
    ['an unknown key id', { access_key_id: 'NOBODY-Kq2', secret_access_key: 'not-the-secret-Xq7' }, 'InvalidAccessKeyId'],
  ])('refuses with a clear 503 on %s, and logs why without the secret', async (_case, credentials, reason) => {
    const { log, lines } = capturedLog();
    const wrong = await serve(credentials, log);
    try {
      await expect(wrong.service.intake.savePhoto(await photo(), 'IMG_0003.jpg')).rejects.toMatchObject({
        status: 503,
        code: 'media_store_unavailable',
      });
      log.flush();
      const written = lines.join('');
      expect(written).toContain(reason);
      expect(written).toContain('check the store credentials');
      expect(written).not.toContain('not-the-secret-Xq7');
      expect(written).not.toContain(SECRET);
    } finally {
      await wrong.close();
    }
  });

  it('refuses with a clear 503 when the endpoint does not answer', async () => {
    const { log, lines } = capturedLog();
    const closed = express().listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => closed.once('listening', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await serve({ endpoint: `http://127.0.0.1:${port}` }, log);
    try {
      await expect(down.service.intake.saveFile(Buffer.from('x'), 'text/plain', null)).rejects.toMatchObject({
        status: 503,
        code: 'media_store_unavailable',
      });
      log.flush();
      expect(lines.join('')).toContain('cannot reach the endpoint (ECONNREFUSED)');
    } finally {
      await down.close();
    }
  });
});

describe('the media store in the config', () => {
  const parse = (store: Record<string, unknown>) => () => configWith(store);

  it('takes an S3 store with its defaults, and credentials from the environment', () => {
    const config = parseConfig(
      {
        jurisdiction: { id: 'example.org', name: 'Example' },
        services: [{ code: 'OTHER', name: 'Other' }],
        router: { destinations: {} },
        media: { store: { type: 's3', bucket: 'town-media', access_key_id: '${S3_KEY}', secret_access_key: '${S3_SECRET}' } },
      },
      { base_dir: __dirname, source: 'test', env: { S3_KEY: 'AKIAEXAMPLE', S3_SECRET: 'from-the-env' } },
    );
    expect(config.media.store).toEqual({
      type: 's3',
      bucket: 'town-media',
      region: 'us-east-1',
      force_path_style: false,
      prefix: '',
      access_key_id: 'AKIAEXAMPLE',
      secret_access_key: 'from-the-env',
    });
  });

  it('refuses half the credentials, an endpoint that is not http(s), and a store of no known type', () => {
    expect(parse({ type: 's3', bucket: 'town-media', access_key_id: 'AKIAEXAMPLE' })).toThrow(/media\.store\.secret_access_key: give both/);
    expect(parse({ type: 's3', bucket: 'town-media', endpoint: 'ftp://files.example.org' })).toThrow(
      /media\.store\.endpoint: endpoint must be an http\(s\) URL/,
    );
    expect(parse({ type: 'gcs', bucket: 'town-media' })).toThrow(ConfigError);
  });
});
