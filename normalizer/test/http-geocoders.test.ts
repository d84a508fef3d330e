import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AddressQuery, Geocoder, GeocoderPlugin, LoadedConfig } from '@intake/core';
import { GeocoderChain, geocoderPlugins } from '../src/index.js';
import { silentLog, testConfig } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const ask = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind'>): AddressQuery => ({
  raw: '',
  number: null,
  unit: null,
  street: null,
  cross_street: null,
  ...fields,
});

/** A loopback stand-in for a geocoding service: answers from recorded responses and remembers what it was asked. */
class ReplayServer {
  readonly requests: URL[] = [];
  delayMs = 0;
  status = 200;
  private server: Server;
  constructor(private readonly answer: (url: URL) => string) {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push(url);
      setTimeout(() => {
        res.writeHead(this.status, { 'content-type': 'application/json' });
        res.end(this.status === 200 ? this.answer(url) : '{"error":"busy"}');
      }, this.delayMs);
    });
  }
  async start(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop() {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

const plugin = (type: string) => geocoderPlugins.find((p) => p.type === type) as GeocoderPlugin;
function create(type: string, options: Record<string, unknown>, config: LoadedConfig): Geocoder {
  return plugin(type).create(plugin(type).options.parse({ type, ...options }), { config, log: silentLog });
}

describe('nominatim', () => {
  const config = testConfig();
  const server = new ReplayServer((url) => {
    const q = url.searchParams.get('q') ?? '';
    if (q.startsWith('211 Bear Street')) return fixture('nominatim-211-bear.json');
    if (q.startsWith('Tunnel Mountain')) return fixture('nominatim-tunnel-mountain.json');
    if (q.startsWith('Banff')) return fixture('nominatim-town.json');
    return '[]';
  });
  let url: string;
  beforeAll(async () => {
    url = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.delayMs = 0;
    server.status = 200;
  });

  it('asks /search with jsonv2, the country and the locality, and reads an address answer', async () => {
    const geocoder = create('nominatim', { url, locality: 'Banff, Alberta', email: 'it@banff.ca' }, config);
    const found = await geocoder.geocode(ask({ kind: 'address', number: '211', street: 'Bear Street' }));
    expect(found).toEqual({
      lat: 51.1773498,
      long: -115.5727896,
      address: '211 Bear Street',
      precision: 'address',
      source: 'nominatim',
      confidence: 0.85,
    });
    const asked = server.requests[0]!;
    expect(asked.pathname).toBe('/search');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      q: '211 Bear Street, Banff, Alberta',
      format: 'jsonv2',
      countrycodes: 'ca',
      limit: '1',
      email: 'it@banff.ca',
    });
  });

  it('reads a road as street precision and refuses a whole town', async () => {
    const geocoder = create('nominatim', { url, requests_per_second: 100 }, config);
    expect(await geocoder.geocode(ask({ kind: 'street', street: 'Tunnel Mountain Drive' }))).toMatchObject({
      precision: 'street',
      address: 'Tunnel Mountain Drive',
    });
    expect(await geocoder.geocode(ask({ kind: 'freeform', raw: 'Banff' }))).toBeNull();
    expect(await geocoder.geocode(ask({ kind: 'street', street: 'Nowhere Lane' }))).toBeNull();
  });

  it('answers a repeated query from its cache', async () => {
    const geocoder = create('nominatim', { url, requests_per_second: 100 }, config);
    const query = ask({ kind: 'address', number: '211', street: 'Bear Street' });
    const first = await geocoder.geocode(query);
    const second = await geocoder.geocode(query);
    expect(second).toEqual(first);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps to its rate limit', async () => {
    const geocoder = create('nominatim', { url, requests_per_second: 4, cache_size: 0 }, config);
    const started = Date.now();
    for (let i = 0; i < 6; i++) await geocoder.geocode(ask({ kind: 'street', street: `Street ${i}` }));
    expect(server.requests).toHaveLength(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400); // 4 at once, then one every 250 ms
  });

  it('gives up after its timeout, and the chain moves on to the next geocoder', async () => {
    server.delayMs = 1000;
    const slow = create('nominatim', { url, timeout_ms: 100 }, config);
    const started = Date.now();
    await expect(slow.geocode(ask({ kind: 'address', number: '211', street: 'Bear Street' }))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(900);
    const backup: Geocoder = {
      name: 'backup',
      geocode: async () => ({ lat: 1, long: 2, address: 'x', precision: 'street', source: 'backup', confidence: 0.9 }),
    };
    const chain = new GeocoderChain([create('nominatim', { url, timeout_ms: 100, cache_size: 0 }, config), backup], silentLog);
    expect((await chain.geocode(ask({ kind: 'street', street: 'Bear Street' })))?.source).toBe('backup');
  });

  it('treats an HTTP error as a failure, not as "nothing found"', async () => {
    server.status = 503;
    const geocoder = create('nominatim', { url }, config);
    await expect(geocoder.geocode(ask({ kind: 'street', street: 'Bear Street' }))).rejects.toThrow(/503/);
  });
});

describe('pelias and arcgis', () => {
  const config = testConfig();
  const server = new ReplayServer((url) =>
    url.pathname.endsWith('/v1/search') ? fixture('pelias-211-bear.json') : fixture('arcgis-211-bear.json'),
  );
  let url: string;
  beforeAll(async () => {
    url = await server.start();
  });
  afterAll(() => server.stop());

  it('reads a Pelias address feature', async () => {
    const found = await create('pelias', { url, api_key: 'k' }, config).geocode(
      ask({ kind: 'address', number: '211', street: 'Bear Street' }),
    );
    expect(found).toEqual({
      lat: 51.177353,
      long: -115.572801,
      address: '211 Bear Street',
      precision: 'address',
      source: 'pelias',
      confidence: 1,
    });
    expect(Object.fromEntries(server.requests.at(-1)!.searchParams)).toMatchObject({
      text: '211 Bear Street',
      'boundary.country': 'CA',
      api_key: 'k',
    });
  });

  it('reads an ArcGIS PointAddress candidate', async () => {
    const found = await create('arcgis', { url: `${url}/arcgis/rest/services/World/GeocodeServer`, token: 't' }, config).geocode(
      ask({ kind: 'address', number: '211', street: 'Bear Street' }),
    );
    expect(found).toEqual({
      lat: 51.177351,
      long: -115.57279,
      address: '211 Bear St',
      precision: 'address',
      source: 'arcgis',
      confidence: 1,
    });
    const asked = server.requests.at(-1)!;
    expect(asked.pathname).toBe('/arcgis/rest/services/World/GeocodeServer/findAddressCandidates');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({ SingleLine: '211 Bear Street', f: 'json', token: 't' });
  });
});
