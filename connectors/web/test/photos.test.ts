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

let app: WebApp;
beforeAll(async () => {
  const config = baseConfig();
  app = await startWebApp({ config: { ...config, media: { max_photos: 2, max_bytes: 200_000 } } });
});
afterAll(() => app.close());
beforeEach(() => app.queue.drain());

function multipart(fields: Record<string, string>, photos: { bytes: Buffer; name: string; type: string }[], field = 'photo'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) form.append(field, new Blob([photo.bytes], { type: photo.type }), photo.name);
  return form;
}

const post = (body: FormData, accept = 'application/json') =>
  fetch(`${app.url}/api/v1/reports`, { method: 'POST', headers: { accept }, body });
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
