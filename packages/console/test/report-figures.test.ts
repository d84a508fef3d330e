import { serviceRequestFrom, type DeliveryState, type StoredRequest } from '@intake/core';
import { REDIS_URL, deletePrefix, uniquePrefix } from '@intake/testkit';
import { Redis } from 'ioredis';
import { Aggregates } from '../src/reports/aggregates.js';
import { csvCell } from '../src/reports/exports.js';
import { summarise } from '../src/reports/summary.js';

const prefix = uniquePrefix('console-report');
/** a square around downtown Banff */
const DOWNTOWN = {
  name: 'downtown',
  areas: [
    {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [-115.58, 51.17],
            [-115.56, 51.17],
            [-115.56, 51.18],
            [-115.58, 51.18],
            [-115.58, 51.17],
          ],
        ],
      },
    },
  ],
};
const IN_TOWN = { lat: 51.175, long: -115.57 };
const OUTSIDE = { lat: 51.19, long: -115.6 };

let n = 0;
function request(fields: {
  day: string;
  channel: string;
  service: string;
  street?: string;
  point?: { lat: number; long: number };
  duplicate?: boolean;
}): StoredRequest {
  n += 1;
  const id = `01JDREPORT${String(n).padStart(16, '0')}`;
  return {
    record: serviceRequestFrom({
      id,
      received_at: `${fields.day}T18:00:00Z`,
      channel: fields.channel,
      service_code: fields.service,
      duplicate_of: fields.duplicate ? '01JDREPORT0000000000000001' : null,
      location: {
        lat: fields.point?.lat ?? null,
        long: fields.point?.long ?? null,
        address: fields.street ? `1 ${fields.street}` : null,
        precision: fields.street ? 'address' : 'none',
        source: null,
        in_jurisdiction: null,
      },
    }),
    state: 'routed',
    reply_to: null,
    service_confidence: null,
    crm: { status: null, external_id: null },
    tracking_token: null,
    timeline: [],
    updated_at: new Date().toISOString(),
  };
}
const delivered = (stored: StoredRequest, afterSeconds: number, destination = 'crm'): DeliveryState => ({
  destination,
  status: 'delivered',
  attempts: 1,
  updated_at: new Date(Date.parse(stored.record.received_at) + afterSeconds * 1000).toISOString(),
  receipt: null,
  error: null,
});
const dead = (destination: string): DeliveryState => ({
  destination,
  status: 'dead',
  attempts: 3,
  updated_at: new Date().toISOString(),
  receipt: null,
  error: 'HTTP 500',
});

describe('report figures from the kept counters, against a known set of requests', () => {
  let redis: Redis;
  let aggregates: Aggregates;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    aggregates = new Aggregates(redis, prefix, 'America/Edmonton', [DOWNTOWN]);
    const known: [StoredRequest, DeliveryState[]][] = [];
    // Monday 2026-11-16 .. Sunday 2026-11-22, then Monday 2026-11-23
    for (let i = 0; i < 10; i++) {
      const stored = request({
        day: '2026-11-16',
        channel: 'sms',
        service: 'POTHOLE',
        street: 'Bear Street',
        point: IN_TOWN,
        duplicate: i >= 7,
      });
      known.push([stored, [delivered(stored, 60 * (i + 1))]]); // 1..10 minutes to the CRM
    }
    const streetlight = request({ day: '2026-11-18', channel: 'web', service: 'STREETLIGHT', street: 'Wolf Street', point: OUTSIDE });
    known.push([streetlight, [dead('crm'), dead('works')]]);
    const later = request({ day: '2026-11-23', channel: 'email', service: 'POTHOLE', street: 'Bear Street', point: OUTSIDE });
    known.push([later, [delivered(later, 3600)]]);
    for (const [stored, deliveries] of known) {
      await aggregates.record(stored, deliveries);
      await aggregates.record(stored, deliveries); // the feed may repeat itself
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await deletePrefix(prefix);
  });

  it('counts requests per day and channel, per week and service, duplicates, streets and failures', async () => {
    const summary = summarise(await aggregates.days('2026-11-16', '2026-11-23'), {});
    expect(summary.total).toBe(12);
    expect(summary.duplicates).toBe(3);
    expect(summary.byDay.find((d) => d.day === '2026-11-16')?.counts).toEqual({ sms: 10 });
    expect(summary.byDay.find((d) => d.day === '2026-11-18')?.counts).toEqual({ web: 1 });
    expect(summary.byDay.find((d) => d.day === '2026-11-17')?.counts).toEqual({});
    expect(summary.byWeek).toEqual([
      { week: '2026-11-16', counts: { POTHOLE: 10, STREETLIGHT: 1 } },
      { week: '2026-11-23', counts: { POTHOLE: 1 } },
    ]);
    expect(summary.streets).toEqual([
      ['Bear Street', 11],
      ['Wolf Street', 1],
    ]);
    expect(summary.failures).toEqual({ crm: 1, works: 1 });
  });

  it('gives the median and 95th percentile time to the CRM within a bucket of the true values', async () => {
    const { timeToCrm } = summarise(await aggregates.days('2026-11-16', '2026-11-23'), {});
    expect(timeToCrm.count).toBe(11);
    // true median of 1..10 minutes and one hour: 6 minutes; 95th percentile: the hour
    expect(timeToCrm.median! / 360).toBeGreaterThan(0.9);
    expect(timeToCrm.median! / 360).toBeLessThan(1.1);
    expect(timeToCrm.p95! / 3600).toBeGreaterThan(0.9);
    expect(timeToCrm.p95! / 3600).toBeLessThan(1.1);
  });

  it('narrows by channel, service, dates and area', async () => {
    const days = await aggregates.days('2026-11-16', '2026-11-23');
    expect(summarise(days, { channel: 'web' }).total).toBe(1);
    expect(summarise(days, { service: 'POTHOLE' }).total).toBe(11);
    expect(summarise(days, { service: 'POTHOLE', channel: 'email' }).streets).toEqual([['Bear Street', 1]]);
    expect(summarise(await aggregates.days('2026-11-17', '2026-11-22'), {}).total).toBe(1);
    const downtown = summarise(days, { area: 'downtown' });
    expect(downtown.total).toBe(10);
    expect(downtown.failures).toEqual({});
    expect(downtown.duplicates).toBe(3);
  });
});

describe('CSV cells', () => {
  it('defuses spreadsheet formulas and quotes what CSV needs quoted', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1 403 555 0123')).toBe(`"'+1 403 555 0123"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('pothole, deep')).toBe('"pothole, deep"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-115.57)).toBe('-115.57');
    expect(csvCell(null)).toBe('');
  });
});
