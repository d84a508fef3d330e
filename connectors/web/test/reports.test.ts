import { parseConfig } from '@intake/core';
import { webConnector } from '../src/index.js';
import { baseConfig, startWebApp, type WebApp } from './harness.js';

let app: WebApp;

beforeAll(async () => {
  app = await startWebApp();
});
afterAll(() => app.close());
beforeEach(() => app.queue.drain());

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const postForm = (target: WebApp, fields: Record<string, string>) =>
  fetch(`${target.url}/api/v1/reports`, { method: 'POST', body: new URLSearchParams(fields) });

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('GET / (the form)', () => {
  it('renders an accessible form with the jurisdiction name and the grouped catalogue', async () => {
    const response = await fetch(`${app.url}/`);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toMatch(/<title>Report a problem – Town of Testville<\/title>/);
    expect(page).toContain('<p class="jurisdiction">Town of Testville</p>');
    for (const id of ['description', 'service_code', 'address', 'name', 'email', 'phone']) {
      expect(page).toContain(`<label for="${id}"`);
      expect(page).toContain(`id="${id}"`);
    }
    expect(page.match(/<fieldset[ >]/g)).toHaveLength(3);
    expect(page.match(/<legend>/g)).toHaveLength(3);
    expect(page).toMatch(/aria-live="polite"/);
    expect(page).toMatch(/<textarea id="description" name="description"[^>]* required/);
    expect(page).toContain('<option value="">Not sure</option>');
    expect(page).toMatch(
      /<optgroup label="Streets"><option value="POTHOLE">Pothole<\/option><option value="STREETLIGHT">Streetlight out<\/option><\/optgroup>/,
    );
    expect(page).toMatch(/<optgroup label="Parks"><option value="GRAFFITI">Graffiti<\/option><\/optgroup>/);
    expect(page).toMatch(/<\/optgroup>\n<option value="OTHER">Something else<\/option>\n<\/select>/);
    expect(page).toContain('method="post" action="api/v1/reports"');
  });

  it('serves its stylesheet, script and the autocomplete component', async () => {
    for (const [asset, type] of [
      ['form.css', /text\/css/],
      ['form.js', /javascript/],
      ['vendor/accessible-autocomplete.min.js', /javascript/],
      ['vendor/accessible-autocomplete.min.css', /text\/css/],
    ] as const) {
      const response = await fetch(`${app.url}/static/web/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
      expect(response.headers.get('content-type')).toMatch(type);
    }
  });

  it('escapes config text, so a hostile jurisdiction or service name cannot inject markup', async () => {
    const config = baseConfig();
    config.jurisdiction.name = '<script>alert("pwned")</script> & Sons';
    config.services = [{ code: 'X', name: '<img src=x onerror=alert(1)>', group: '"><b>bold</b>' }];
    const hostile = await startWebApp({ config });
    try {
      const page = await (await fetch(`${hostile.url}/`)).text();
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('"><b>');
      expect(page).toContain('<title>Report a problem – &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; Sons</title>');
      expect(page).toContain('<option value="X">&lt;img src=x onerror=alert(1)&gt;</option>');
      expect(page).toContain('<optgroup label="&quot;&gt;&lt;b&gt;bold&lt;/b&gt;">');

      const thanks = await (await postForm(hostile, { description: 'graffiti on the wall' })).text();
      expect(thanks).toContain('&lt;script&gt;alert(&quot;pwned&quot;)');
      expect(thanks).not.toContain('<script>alert');
    } finally {
      await hostile.close();
    }
  });
});

describe('POST /api/v1/reports with JSON', () => {
  it('queues a valid report and answers 202 with its id', async () => {
    const response = await postJson({
      description: '  Big pothole outside the bakery, almost lost a tire  ',
      service_code: 'POTHOLE',
      address: '12 Maple Street',
      lat: 44.6521,
      long: -63.5874,
      name: 'Jane Doe',
      email: 'jane@example.org',
      phone: '+1 902 555 0100',
      media_urls: ['https://photos.example.org/pothole.jpg'],
    });

    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string; duplicate: boolean; reference: string; tracking_path: string };
    expect(body).toEqual({
      id: expect.any(String),
      status: 'accepted',
      duplicate: false,
      reference: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/),
      tracking_path: `/track/${body.reference}-test-token-0123456789`,
    });
    const [job, ...others] = await app.jobs();
    expect(others).toHaveLength(0);
    expect(body.reference).toBe(job?.tracking?.reference);
    expect(job).toMatchObject({
      id: body.id,
      channel: 'web',
      external_id: null,
      text: 'Big pothole outside the bakery, almost lost a tire',
      service_code: 'POTHOLE',
      address: '12 Maple Street',
      point: { lat: 44.6521, long: -63.5874 },
      sender: { name: 'Jane Doe', email: 'jane@example.org', phone: '+1 902 555 0100', handle: null },
      media: [{ url: 'https://photos.example.org/pothole.jpg', content_type: null, name: null }],
      reply_to: { channel: 'email', to: 'jane@example.org' },
    });
  });

  it('takes nulls and blanks as "not given"', async () => {
    const response = await postJson({ description: 'Streetlight out', service_code: null, email: '', lat: null, long: null });

    expect(response.status).toBe(202);
    const [job] = await app.jobs();
    expect(job).toMatchObject({ text: 'Streetlight out', service_code: null, point: null, reply_to: null, media: [] });
    expect(job?.sender).toEqual({ name: null, phone: null, email: null, handle: null });
  });

  it('passes Idempotency-Key through as external_id, and a repeat gets the same id back', async () => {
    const first = await postJson({ description: 'Graffiti on the library' }, { 'Idempotency-Key': 'app-7f3c-0001' });
    const again = await postJson({ description: 'Graffiti on the library' }, { 'Idempotency-Key': 'app-7f3c-0001' });

    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    const firstBody = (await first.json()) as { id: string; reference: string; tracking_path: string };
    expect(await again.json()).toEqual({
      id: firstBody.id,
      status: 'accepted',
      duplicate: true,
      reference: firstBody.reference,
      tracking_path: firstBody.tracking_path,
    });
    const jobs = await app.jobs();
    expect(jobs.map((job) => job.external_id)).toEqual(['app-7f3c-0001']);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['a control character', 'key\twith-tab'],
    ['a non-ASCII character', 'caf\u00e9'],
  ])('refuses an Idempotency-Key that is %s', async (_case, key) => {
    const response = await postJson({ description: 'Pothole' }, { 'Idempotency-Key': key });

    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_idempotency_key');
    expect(await app.jobs()).toHaveLength(0);
  });

  const elevenUrls = Array.from({ length: 11 }, (_, i) => `https://photos.example.org/${i}.jpg`);
  it.each([
    ['no description', {}, 'description: is required'],
    ['a blank description', { description: ' \n\t ' }, 'description: is required'],
    ['a description over 5000 characters', { description: 'x'.repeat(5001) }, 'description: must be at most 5000'],
    [
      'a description that is only a script',
      { description: '<script>alert(1)</script>' },
      'description: must describe the problem in words',
    ],
    ['a description that is only tags', { description: '<p> <br> </p>' }, 'description: must describe the problem in words'],
    ['a description that is not text', { description: 42 }, 'description: must be text'],
    ['lat without long', { description: 'x', lat: 51.1 }, 'long: is required when the other coordinate is given'],
    ['long without lat', { description: 'x', long: -115.5 }, 'lat: is required when the other coordinate is given'],
    ['lat out of range', { description: 'x', lat: 91, long: 0 }, 'lat: must be between -90 and 90'],
    ['long out of range', { description: 'x', lat: 0, long: -181 }, 'long: must be between -180 and 180'],
    ['a lat that is not a number', { description: 'x', lat: 'north', long: 1 }, 'lat: must be a number'],
    ['a malformed email', { description: 'x', email: 'jane at example' }, 'email: is not a valid email address'],
    ['a phone that is not a number', { description: 'x', phone: 'call me maybe' }, 'phone: is not a valid phone number'],
    ['an ftp media URL', { description: 'x', media_urls: ['ftp://files.example.org/a.jpg'] }, 'media_urls.0: must be an http(s) URL'],
    ['a javascript: media URL', { description: 'x', media_urls: ['javascript:alert(1)'] }, 'media_urls.0: must be an http(s) URL'],
    ['more than 10 media URLs', { description: 'x', media_urls: elevenUrls }, 'media_urls: must hold at most 10 links'],
    [
      'media_urls that is not a list',
      { description: 'x', media_urls: 'https://photos.example.org/a.jpg' },
      'media_urls: must be a list of URLs',
    ],
    ['a name over 200 characters', { description: 'x', name: 'n'.repeat(201) }, 'name: must be at most 200 characters'],
    ['an unknown field', { description: 'x', colour: 'red' }, 'colour'],
    ['an array body', [{ description: 'x' }], 'the report must be an object of fields'],
  ])('refuses %s with 400 and queues nothing', async (_case, body, message) => {
    const response = await postJson(body);

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_report');
    expect(error.message).toContain(message);
    expect(await app.jobs()).toHaveLength(0);
  });

  it('refuses a service code that is not in the catalogue', async () => {
    const response = await postJson({ description: 'Broken swing', service_code: 'PLAYGROUND' });

    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      code: 'unknown_service_code',
      message: 'service_code: "PLAYGROUND" is not in the service catalogue',
    });
    expect(await app.jobs()).toHaveLength(0);
  });

  it('refuses malformed JSON, an oversized body and other content types, queueing nothing', async () => {
    const malformed = await fetch(`${app.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"description":',
    });
    const oversized = await postJson({ description: 'x'.repeat(17 * 1024) });
    const plain = await fetch(`${app.url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'pothole' });

    expect(malformed.status).toBe(400);
    expect(oversized.status).toBe(413);
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).code).toBe('unsupported_media_type');
    expect(await app.jobs()).toHaveLength(0);
  });
});

describe('POST /api/v1/reports from the form without JavaScript', () => {
  it('queues the form post and renders a thank-you page with the reference', async () => {
    const response = await postForm(app, {
      description: 'Streetlight flickering all night',
      service_code: 'STREETLIGHT',
      address: '210 Harbour Road',
      lat: '',
      long: '',
      name: '',
      email: '',
      phone: '902-555-0199',
    });

    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    const [job] = await app.jobs();
    expect(job).toMatchObject({
      channel: 'web',
      text: 'Streetlight flickering all night',
      service_code: 'STREETLIGHT',
      address: '210 Harbour Road',
      point: null,
      sender: { name: null, email: null, phone: '902-555-0199' },
      reply_to: null,
    });
    expect(page).toContain('Thank you, your report was received');
    expect(page).toContain(`<strong class="reference">${job!.tracking?.reference}</strong>`);
    expect(page).toContain(`<a class="track" href="../../track/${job!.tracking?.reference}-test-token-0123456789">Follow your report</a>`);
    expect(page).toContain('href="../../static/web/form.css"');
  });

  it('reads lat and long from form fields', async () => {
    const response = await postForm(app, { description: 'Pothole', lat: '44.6521', long: '-63.5874' });

    expect(response.status).toBe(202);
    expect((await app.jobs())[0]?.point).toEqual({ lat: 44.6521, long: -63.5874 });
  });

  it('shows the form again with the problems and what was typed, and queues nothing', async () => {
    const response = await postForm(app, { description: '<b>"quoted"</b>', email: 'not-an-email', address: '5 Mill Lane' });

    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('There is a problem');
    expect(page).toContain('<a href="#email">Email: is not a valid email address</a>');
    expect(page).toContain('>&lt;b&gt;&quot;quoted&quot;&lt;/b&gt;</textarea>');
    expect(page).toContain('value="5 Mill Lane"');
    expect(page).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(await app.jobs()).toHaveLength(0);
  });
});

describe('when Redis does not take the message', () => {
  let down: WebApp;
  beforeAll(async () => {
    down = await startWebApp({ redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(() => down.close());

  it('lets QueueUnavailableError through as 503 with Retry-After', async () => {
    const response = await fetch(`${down.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Pothole' }),
    });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await errorOf(response)).code).toBe('queue_unavailable');
  });

  it('tells a form user to retry, keeping what they typed', async () => {
    const response = await postForm(down, { description: 'Pothole on Mill Lane' });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const page = await response.text();
    expect(page).toContain('we cannot take reports just now: please try again in a moment');
    expect(page).toContain('>Pothole on Mill Lane</textarea>');
  });
});

describe('GET /api/v1/addresses', () => {
  const suggest = (query: string) => fetch(`${app.url}/api/v1/addresses?${query}`);

  it('answers suggestions from the gazetteer, at most `limit`', async () => {
    const all = await suggest('q=harbour');
    const one = await suggest('q=maple&limit=1');

    expect(all.status).toBe(200);
    expect(await all.json()).toEqual({
      suggestions: [
        { label: '210 Harbour Road', lat: 44.6488, long: -63.5752 },
        { label: '211 Harbour Road', lat: 44.6489, long: -63.5754 },
      ],
    });
    expect(await one.json()).toEqual({ suggestions: [{ label: '12 Maple Street', lat: 44.6521, long: -63.5874 }] });
  });

  it.each([
    ['no q', 'limit=5'],
    ['a one-character q', 'q=m'],
    ['a q of spaces', 'q=%20%20%20'],
    ['a q over 100 characters', `q=${'a'.repeat(101)}`],
    ['q given twice', 'q=maple&q=mill'],
    ['limit 0', 'q=maple&limit=0'],
    ['limit 21', 'q=maple&limit=21'],
    ['a fractional limit', 'q=maple&limit=1.5'],
    ['a limit that is not a number', 'q=maple&limit=many'],
  ])('refuses %s with 400', async (_case, query) => {
    const response = await suggest(query);

    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_query');
  });
});

describe('webConnector.enabled', () => {
  const withChannels = (channels: Record<string, unknown>) =>
    parseConfig({ ...baseConfig(), channels }, { base_dir: __dirname, source: 'test' });

  it('is on when channels.web is present and not disabled, or when no channel is named at all', () => {
    expect(webConnector.channels.map((channel) => channel.name)).toEqual(['web']);
    expect(webConnector.enabled(withChannels({}))).toBe(true);
    expect(webConnector.enabled(withChannels({ web: {} }))).toBe(true);
    expect(webConnector.enabled(withChannels({ web: { enabled: false } }))).toBe(false);
    expect(webConnector.enabled(withChannels({ transcripts: { api_keys: ['k'] } }))).toBe(false);
  });
});
