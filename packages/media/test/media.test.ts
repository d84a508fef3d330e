import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IntakeError, createLogger, parseConfig, type MediaIntake } from '@intake/core';
import exifr from 'exifr';
import express from 'express';
import sharp from 'sharp';
import { LocalMediaStore, MediaLinks, createMediaService } from '../src/index.js';

/** A phone's photo, made here: a JPEG whose EXIF names the camera and where it was taken (51.1763 N, 115.5713 W). */
const photoWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b5a40' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Jane Citizen' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 3456/100', GPSLongitudeRef: 'W', GPSLongitude: '115/1 34/1 1668/100' },
    })
    .toBuffer();

const config = parseConfig(
  {
    jurisdiction: { id: 'example.org', name: 'Example' },
    server: { admin_token: 'media-test-admin-token' },
    services: [{ code: 'OTHER', name: 'Other' }],
    router: { destinations: {} },
  },
  { base_dir: __dirname, source: 'test' },
);

describe('signed media links', () => {
  const links = new MediaLinks('a secret of sixteen+ chars', 'https://intake.example.org/', 3600);
  const parts = (url: string) => {
    const parsed = new URL(url);
    return {
      id: decodeURIComponent(parsed.pathname.split('/').pop()!),
      expires: parsed.searchParams.get('expires')!,
      signature: parsed.searchParams.get('signature')!,
    };
  };

  it('opens until it expires, and not after', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const { id, expires, signature } = parts(links.url('01JDXXXXXXXXXXXXXXXXXXXXXX.jpg', now));
    expect(links.check(id, expires, signature, now + 3599_000)).toBe('valid');
    expect(links.check(id, expires, signature, now + 3601_000)).toBe('expired');
  });

  it('refuses any change to the id, the expiry or the signature', () => {
    const { id, expires, signature } = parts(links.url('01JDXXXXXXXXXXXXXXXXXXXXXX.jpg'));
    expect(links.check('01JDXXXXXXXXXXXXXXXXXXXXXY.jpg', expires, signature)).toBe('tampered');
    expect(links.check(id, String(Number(expires) + 86_400), signature)).toBe('tampered');
    expect(links.check(id, expires, `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBe('tampered');
    expect(links.check(id, expires, undefined)).toBe('tampered');
    expect(links.check(id, '1e12', signature)).toBe('tampered');
    expect(new MediaLinks('another secret, as long', 'https://x', 3600).check(id, expires, signature)).toBe('tampered');
  });
});

describe('the media service on a real HTTP server', () => {
  let url: string;
  let media: MediaIntake;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const app = express();
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const service = createMediaService(config, createLogger({ level: 'silent' }), {
      store: new LocalMediaStore(mkdtempSync(path.join(tmpdir(), 'media-test-'))),
      base: url,
    });
    media = service.intake;
    app.use(service.router());
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const known = error instanceof IntakeError ? error : new IntakeError(500, 'internal', String(error));
      res.status(known.status).json({ error: { code: known.code, message: known.message } });
    });
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it('serves a valid re-encoding of a photo, without any of its EXIF, and keeps where it was taken', async () => {
    const original = await photoWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(51.1763, 3) });

    const saved = await media.savePhoto(original, 'IMG_0001.jpg');
    expect(saved.point).toEqual({ lat: expect.closeTo(51.17627, 4), long: expect.closeTo(-115.5713, 4) });
    expect(saved.media).toMatchObject({
      content_type: 'image/jpeg',
      name: 'IMG_0001.jpg',
      url: expect.stringMatching(new RegExp(`^${url}/media/[0-9A-Z]{26}\\.jpg\\?expires=\\d+&signature=`)),
    });

    const response = await fetch(saved.media.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.length).toBe(saved.media.bytes);
    const metadata = await sharp(served).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(metadata.exif).toBeUndefined();
    expect(await exifr.parse(served)).toBeUndefined();
    expect(served.includes(Buffer.from('Jane Citizen'))).toBe(false);
  });

  it('refuses a tampered link (403) and a link to nothing of ours (404), as JSON', async () => {
    const { media: photo } = await media.savePhoto(await photoWithGps(), null);
    const tampered = photo.url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 1}`);
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'invalid_link', message: expect.any(String) } });
    expect((await fetch(`${url}/media/..%2F..%2Fetc%2Fpasswd?expires=1&signature=x`)).status).toBe(404);
  });

  it('refuses an expired link (410)', async () => {
    const expired = createMediaService({ ...config, media: { ...config.media, link_days: -1 } }, createLogger({ level: 'silent' }), {
      base: url,
      store: new LocalMediaStore(mkdtempSync(path.join(tmpdir(), 'media-exp-'))),
    });
    const { media: photo } = await expired.intake.savePhoto(await photoWithGps(), null);
    const served = await fetch(photo.url.replace(/^http:\/\/[^/]+/, url));
    expect(served.status).toBe(410);
    expect(((await served.json()) as { error: { code: string } }).error.code).toBe('expired_link');
  });

  it('refuses bytes that are not a photo, whatever they are called', async () => {
    await expect(media.savePhoto(Buffer.from('%PDF-1.7 not an image'), 'photo.jpg')).rejects.toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
    });
    await expect(
      media.savePhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg'),
    ).rejects.toMatchObject({ status: 415 });
  });

  it('keeps a PNG lossless, and serves a file that is not a photo as a download', async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const saved = await media.savePhoto(png, 'diagram.png');
    expect(saved.media.content_type).toBe('image/png');
    expect(await sharp(Buffer.from(await (await fetch(saved.media.url)).arrayBuffer())).metadata()).toMatchObject({
      format: 'png',
      width: 20,
      hasAlpha: true,
    });

    const pdf = await media.saveFile(Buffer.from('%PDF-1.7 minutes'), 'application/pdf', 'minutes.pdf');
    const download = await fetch(pdf.url);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toBe('attachment');
    expect(await download.text()).toBe('%PDF-1.7 minutes');
  });
});
