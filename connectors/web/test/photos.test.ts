import { readdirSync } from 'node:fs';
import { LocalMediaStore, MediaStoreError, type StoredObject } from '@intake/media';
import exifr from 'exifr';
import sharp from 'sharp';
import { baseConfig, startWebApp, type WebApp } from './harness.js';

/** A phone's photo, made here: its EXIF names the owner and where it was taken (51.1763 N, 115.5713 W). */
const phonePhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#5a4a30' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Artist: 'Jane Citizen' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 3456/100', GPSLongitudeRef: 'W', GPSLongitude: '115/1 34/1 1668/100' },
    })
    .toBuffer();

const photoConfig = () => ({ ...baseConfig(), media: { max_photos: 2, max_bytes: 200_000 } });

let app: WebApp;
beforeAll(async () => {
  app = await startWebApp({ config: photoConfig() });
});
afterAll(() => app.close());
beforeEach(() => app.queue.drain());

function multipart(fields: Record<string, string>, photos: { bytes: Buffer; name: string; type: string }[], field = 'photo'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) form.append(field, new Blob([photo.bytes], { type: photo.type }), photo.name);
  return form;
}

const postTo = (web: WebApp, body: FormData, headers: Record<string, string> = {}) =>
  fetch(`${web.url}/api/v1/reports`, { method: 'POST', headers: { accept: 'application/json', ...headers }, body });
const post = (body: FormData, accept = 'application/json') => postTo(app, body, { accept });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/v1/reports with photos (multipart/form-data)', () => {
  it('stores each photo re-encoded without EXIF, links it signed in the message, and keeps its GPS as the photo point', async () => {
    const photo = { bytes: await phonePhoto(), name: 'IMG_0042.jpg', type: 'image/jpeg' };
    const response = await post(multipart({ description: 'Pothole, see the photo', service_code: 'POTHOLE' }, [photo, photo]));
    expect(response.status).toBe(202);

    const [job] = await app.jobs();
    expect(job).toMatchObject({
      text: 'Pothole, see the photo',
      photo_point: { lat: expect.closeTo(51.17627, 4), long: expect.closeTo(-115.5713, 4) },
      point: null,
    });
    expect(job!.media).toHaveLength(2);
    for (const media of job!.media) {
      expect(media).toMatchObject({
        content_type: 'image/jpeg',
        name: 'IMG_0042.jpg',
        url: expect.stringMatching(/\/media\/[0-9A-Z]{26}\.jpg\?expires=\d+&signature=/),
      });
      const served = Buffer.from(await (await fetch(media.url)).arrayBuffer());
      expect(served.length).toBe(media.bytes);
      const metadata = await sharp(served).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
      expect(metadata.exif).toBeUndefined();
      expect(await exifr.parse(served)).toBeUndefined();
    }
  });

  it('refuses a file that is not a photo with a 415, whatever its name and type say, and queues nothing', async () => {
    const response = await post(
      multipart({ description: 'see attached' }, [
        { bytes: Buffer.from('MZ\x90\x00 an executable'), name: 'photo.jpg', type: 'image/jpeg' },
      ]),
    );
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('photo.jpg') });
    expect(await app.jobs()).toHaveLength(0);
  });

  it('refuses too many photos (400), a photo over the size limit (413) and files under another name (400)', async () => {
    const small = { bytes: await phonePhoto(), name: 'a.jpg', type: 'image/jpeg' };
    const tooMany = await post(multipart({ description: 'three photos' }, [small, small, small]));
    expect([tooMany.status, (await errorOf(tooMany)).code]).toEqual([400, 'too_many_photos']);

    const huge = { bytes: Buffer.alloc(300_000, 1), name: 'big.jpg', type: 'image/jpeg' };
    const tooLarge = await post(multipart({ description: 'a big photo' }, [huge]));
    expect([tooLarge.status, (await errorOf(tooLarge)).code]).toEqual([413, 'photo_too_large']);

    const elsewhere = await post(multipart({ description: 'wrong field' }, [small], 'file'));
    expect([elsewhere.status, (await errorOf(elsewhere)).code]).toEqual([400, 'unexpected_file']);
    expect(await app.jobs()).toHaveLength(0);
  });

  it('checks the report before keeping its photos: an invalid report is a 400 with nothing queued', async () => {
    const response = await post(multipart({ description: '' }, [{ bytes: await phonePhoto(), name: 'a.jpg', type: 'image/jpeg' }]));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('description: is required');
    expect(await app.jobs()).toHaveLength(0);
  });

  it("answers a browser's own post with a photo over the limit with the form again, not JSON", async () => {
    const response = await post(
      multipart({ description: 'a big photo' }, [{ bytes: Buffer.alloc(300_000, 1), name: 'big.jpg', type: 'image/jpeg' }]),
      'text/html',
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('each photo must be at most');
    expect(await app.jobs()).toHaveLength(0);
  });

  it("answers a browser's own multipart post with a page", async () => {
    const response = await post(
      multipart({ description: 'Graffiti on the wall' }, [{ bytes: await phonePhoto(), name: 'a.jpg', type: 'image/jpeg' }]),
      'text/html,application/xhtml+xml',
    );
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('Thank you, your report was received');
    expect((await app.jobs())[0]!.media).toHaveLength(1);
  });
});

/** A disk that fills up after `room` photos: the store answers as a real full disk does (see LocalMediaStore.put). */
class FillingDisk extends LocalMediaStore {
  constructor(
    dir: string,
    private room: number,
  ) {
    super(dir);
  }

  override async put(id: string, object: StoredObject): Promise<void> {
    if (this.room-- <= 0) throw new MediaStoreError(`local put ${id}: ENOSPC`);
    return super.put(id, object);
  }
}

describe('what a refused report leaves in the media store: nothing', () => {
  const stored = (web: WebApp) => readdirSync(web.mediaDir);
  const photo = async () => ({ bytes: await phonePhoto(), name: 'IMG_0007.jpg', type: 'image/jpeg' });

  it('removes the first photo when the second is not a photo', async () => {
    const before = stored(app);
    const response = await post(
      multipart({ description: 'Pothole' }, [
        await photo(),
        { bytes: Buffer.from('GIF89a but not really'), name: 'b.gif', type: 'image/gif' },
      ]),
    );
    expect(response.status).toBe(415);
    expect(stored(app)).toEqual(before);
    expect(await app.jobs()).toHaveLength(0);
  });

  it('removes the first photo when the store fails on the second, and says to try again', async () => {
    const full = await startWebApp({ config: photoConfig(), mediaStore: (dir) => new FillingDisk(dir, 1) });
    try {
      const response = await postTo(full, multipart({ description: 'Pothole' }, [await photo(), await photo()]));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(await errorOf(response)).toMatchObject({ code: 'media_store_unavailable' });
      expect(stored(full)).toEqual([]);
      expect(await full.jobs()).toHaveLength(0);
    } finally {
      await full.close();
    }
  });

  it('removes the photos of a report the queue does not take', async () => {
    const down = await startWebApp({ config: photoConfig(), redisUrl: 'redis://127.0.0.1:1' });
    try {
      const response = await postTo(down, multipart({ description: 'Pothole' }, [await photo(), await photo()]));
      expect(response.status).toBe(503);
      expect(await errorOf(response)).toMatchObject({ code: 'queue_unavailable' });
      expect(stored(down)).toEqual([]);
    } finally {
      await down.close();
    }
  });

  it('keeps one copy for a report sent twice with the same Idempotency-Key', async () => {
    const before = stored(app).length;
    const send = async () =>
      postTo(app, multipart({ description: 'Fallen sign' }, [await photo()]), { 'Idempotency-Key': 'fallen-sign-photo-twice' });
    const first = (await (await send()).json()) as { id: string; duplicate: boolean };
    const second = (await (await send()).json()) as { id: string; duplicate: boolean };
    expect(second).toMatchObject({ id: first.id, duplicate: true });
    // one photo is two files: its bytes and its type
    expect(stored(app).length - before).toBe(2);
    expect((await app.jobs())[0]!.media).toHaveLength(1);
  });
});

describe('photos and the "where?" question (a browser without JavaScript)', () => {
  let lost: WebApp;
  beforeAll(async () => {
    // a geocoder that finds nothing: only a position or a photo's EXIF places a report
    lost = await startWebApp({ config: photoConfig(), locates: async () => false });
  });
  afterAll(() => lost.close());
  beforeEach(() => lost.queue.drain());

  const plainPhoto = () =>
    sharp({ create: { width: 400, height: 300, channels: 3, background: '#445566' } })
      .jpeg()
      .toBuffer();
  const postPage = (body: FormData) => postTo(lost, body, { accept: 'text/html' });
  const keptLinks = (page: string) =>
    [...page.matchAll(/name="kept_photo" value="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));

  it('asks where for a photo that does not place the report, keeps the photo, and sends it with the answer', async () => {
    const asked = await postPage(
      multipart({ description: 'Broken bench' }, [{ bytes: await plainPhoto(), name: 'bench.jpg', type: 'image/jpeg' }]),
    );
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toMatch(/<div id="where-question" class="where-question" role="alert" tabindex="-1">/);
    expect(page).toContain('Your photo is kept with this report:');
    expect(page).toContain('<li>bench.jpg<input type="hidden" name="kept_photo"');
    expect(await lost.jobs()).toHaveLength(0);
    const [link] = keptLinks(page);

    const answered = await postPage(
      multipart({ description: 'Broken bench', address: 'by the pond', asked_where: '1', kept_photo: link! }, []),
    );
    expect(answered.status).toBe(202);
    const [job] = await lost.jobs();
    expect(job!.media).toEqual([{ url: link, content_type: 'image/jpeg', name: null, bytes: expect.any(Number) }]);
    expect((await fetch(link!)).status).toBe(200);
  });

  it("takes a photo's EXIF position as the answer: no question", async () => {
    const response = await postPage(
      multipart({ description: 'Pothole' }, [{ bytes: await phonePhoto(), name: 'a.jpg', type: 'image/jpeg' }]),
    );
    expect(response.status).toBe(202);
    expect((await lost.jobs())[0]!.photo_point).toEqual({ lat: expect.closeTo(51.17627, 4), long: expect.closeTo(-115.5713, 4) });
  });

  it('takes only our own valid links as kept photos, and no more than the limit', async () => {
    const asked = await postPage(multipart({ description: 'Bench' }, [{ bytes: await plainPhoto(), name: 'b.jpg', type: 'image/jpeg' }]));
    const [link] = keptLinks(await asked.text());
    const tampered = link!.replace(/signature=(.)/, (_match, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    const foreign = 'https://example.org/media/01JDXXXXXXXXXXXXXXXXXXXXXX.jpg?expires=9999999999&signature=x';
    const sent = new FormData();
    const fields: [string, string][] = [
      ['description', 'Bench'],
      ['asked_where', '1'],
      ['kept_photo', tampered],
      ['kept_photo', foreign],
    ];
    for (const [name, value] of fields) sent.append(name, value);
    expect((await postPage(sent)).status).toBe(202);
    expect((await lost.jobs())[0]!.media).toEqual([]);

    const tooMany = multipart({ description: 'Bench', asked_where: '1', kept_photo: link! }, [
      { bytes: await plainPhoto(), name: 'c.jpg', type: 'image/jpeg' },
      { bytes: await plainPhoto(), name: 'd.jpg', type: 'image/jpeg' },
    ]);
    expect((await postTo(lost, tooMany)).status).toBe(400);
  });
});
