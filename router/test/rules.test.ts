import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@intake/core';
import { createRules } from '../src/index.js';
import { NO_POINT, buildConfig, buildRequest, tempDir } from './helpers.js';

const destinations = {
  crm: { type: 'webhook', url: 'http://127.0.0.1:9/crm', secret: 'shh' },
  works: { type: 'file', path: './works.jsonl' },
  night: { type: 'file', path: './night.jsonl' },
  outbox: { type: 'file', path: './outbox.jsonl' },
};

/** A one-rule router whose rule sends to "crm"; everything else falls to "outbox". */
function oneRule(when: Record<string, unknown>, baseDir?: string) {
  const config = buildConfig(
    { router: { destinations, rules: [{ name: 'the rule', when, then: { deliver_to: ['crm'] } }], default: { deliver_to: ['outbox'] } } },
    baseDir,
  );
  return createRules(config);
}

function decideOne(when: Record<string, unknown>, change: Parameters<typeof buildRequest>[0] = {}, now?: Date, baseDir?: string) {
  const decision = oneRule(when, baseDir).decide(buildRequest(change), now);
  return { matched: decision.rule === 'the rule', reasons: decision.trace[0]?.reasons ?? [], decision };
}

describe('rule conditions', () => {
  it('service_code: one code or a list', () => {
    expect(decideOne({ service_code: ['POTHOLE', 'STREETLIGHT'] })).toMatchObject({
      matched: true,
      reasons: ['service_code POTHOLE in [POTHOLE, STREETLIGHT]'],
    });
    expect(decideOne({ service_code: 'STREETLIGHT' })).toMatchObject({
      matched: false,
      reasons: ['service_code POTHOLE not in [STREETLIGHT]'],
    });
    expect(decideOne({ service_code: 'POTHOLE' }, { service_code: null }).matched).toBe(false);
  });

  it('service_group: through the service catalogue', () => {
    expect(decideOne({ service_group: 'Streets' }, { service_code: 'STREETLIGHT' })).toMatchObject({
      matched: true,
      reasons: ['service group Streets in [Streets]'],
    });
    expect(decideOne({ service_group: 'Streets' }, { service_code: 'GRAFFITI' })).toMatchObject({
      matched: false,
      reasons: ['service group Parks not in [Streets]'],
    });
    expect(decideOne({ service_group: 'Streets' }, { service_code: null }).matched).toBe(false);
  });

  it('channel', () => {
    expect(decideOne({ channel: ['sms', 'voice'] }, { channel: 'voice' }).matched).toBe(true);
    expect(decideOne({ channel: 'sms' }, { channel: 'email' })).toMatchObject({ matched: false, reasons: ['channel email not in [sms]'] });
  });

  it('text_matches: a case-insensitive regular expression on the description', () => {
    expect(decideOne({ text_matches: 'gas (leak|smell)' }, { description: 'Strong GAS SMELL on 3rd Ave' })).toMatchObject({
      matched: true,
      reasons: ['description matches /gas (leak|smell)/i'],
    });
    expect(decideOne({ text_matches: 'gas (leak|smell)' }, { description: 'gas station sign broken' }).matched).toBe(false);
  });

  it('within: a GeoJSON polygon file relative to the config; no point means no match', () => {
    const dir = tempDir();
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [-111, 50],
          [-110, 50],
          [-110, 51],
          [-111, 51],
          [-111, 50],
        ],
      ],
    };
    writeFileSync(
      path.join(dir, 'ward-1.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square }] }),
    );
    const when = { within: './ward-1.geojson' };
    const inside = { lat: 50.5, long: -110.5, address: null, precision: 'coordinates', source: 'device', in_jurisdiction: true } as const;
    expect(decideOne(when, { location: inside }, undefined, dir)).toMatchObject({
      matched: true,
      reasons: ['point inside ./ward-1.geojson'],
    });
    expect(decideOne(when, { location: { ...inside, long: -109.5 } }, undefined, dir)).toMatchObject({
      matched: false,
      reasons: ['point outside ./ward-1.geojson'],
    });
    expect(decideOne(when, { location: NO_POINT }, undefined, dir)).toMatchObject({
      matched: false,
      reasons: ['no point to place in ./ward-1.geojson'],
    });
  });

  it('in_jurisdiction: unknown matches neither true nor false', () => {
    const outside = { ...buildRequest().location, in_jurisdiction: false };
    expect(decideOne({ in_jurisdiction: false }, { location: outside }).matched).toBe(true);
    expect(decideOne({ in_jurisdiction: true }, { location: outside })).toMatchObject({
      matched: false,
      reasons: ['in_jurisdiction is false, wanted true'],
    });
    expect(decideOne({ in_jurisdiction: false }, { location: NO_POINT })).toMatchObject({
      matched: false,
      reasons: ['in_jurisdiction is unknown, wanted false'],
    });
  });

  it('has_location: a point to send a crew to', () => {
    expect(decideOne({ has_location: false }, { location: NO_POINT }).matched).toBe(true);
    expect(decideOne({ has_location: false }).matched).toBe(false);
    expect(decideOne({ has_location: true }, { location: { ...NO_POINT, address: 'Main St' } }).matched).toBe(false);
  });

  it('intent: a question goes to whoever answers, not to a crew', () => {
    expect(decideOne({ intent: 'question' }, { intent: 'question' })).toMatchObject({
      matched: true,
      reasons: ['intent question in [question]'],
    });
    expect(decideOne({ intent: 'question' }).matched).toBe(false);
    expect(decideOne({ intent: 'report' }).matched).toBe(true);
  });

  it('duplicate', () => {
    expect(decideOne({ duplicate: true }, { duplicate_of: 'earlier', event: 'service_request.duplicate' }).matched).toBe(true);
    expect(decideOne({ duplicate: true }).matched).toBe(false);
    expect(decideOne({ duplicate: false }).matched).toBe(true);
  });

  it('hours: local time in the jurisdiction, wrapping midnight', () => {
    // America/Edmonton is UTC-7 in January: a rule reading UTC would get every one of these wrong.
    const when = { hours: '22:00-06:00' };
    expect(decideOne(when, {}, new Date('2026-01-15T06:30:00Z'))).toMatchObject({
      matched: true,
      reasons: ['local time Wed 23:30 America/Edmonton within 22:00-06:00'],
    });
    expect(decideOne(when, {}, new Date('2026-01-15T12:59:00Z')).matched).toBe(true); // 05:59
    expect(decideOne(when, {}, new Date('2026-01-15T13:00:00Z')).matched).toBe(false); // 06:00
    expect(decideOne(when, {}, new Date('2026-01-15T04:59:00Z')).matched).toBe(false); // 21:59
    expect(decideOne({ hours: '08:00-17:00' }, {}, new Date('2026-07-15T15:00:00Z')).matched).toBe(true); // 09:00 MDT
    expect(decideOne({ hours: '08:00-17:00' }, {}, new Date('2026-07-15T23:30:00Z')).matched).toBe(false); // 17:30 MDT
  });

  it('days: the local weekday, which can differ from the UTC one', () => {
    // Saturday 03:00 UTC is still Friday evening in Edmonton.
    expect(decideOne({ days: ['sat', 'sun'] }, {}, new Date('2026-01-17T03:00:00Z'))).toMatchObject({
      matched: false,
      reasons: ['local day fri not in [sat, sun]'],
    });
    expect(decideOne({ days: ['sat', 'sun'] }, {}, new Date('2026-01-17T08:00:00Z')).matched).toBe(true);
  });

  it('every condition of a rule must hold, and the trace gives each reason', () => {
    const result = decideOne({ service_code: 'POTHOLE', channel: 'web' }, { channel: 'sms' });
    expect(result.matched).toBe(false);
    expect(result.reasons).toEqual(['service_code POTHOLE in [POTHOLE]', 'channel sms not in [web]']);
  });

  it('refuses an hour that is not a time of day', () => {
    expect(() => oneRule({ hours: '22:00-25:00' })).toThrow(ConfigError);
  });
});

describe('rule order', () => {
  const config = buildConfig({
    router: {
      destinations,
      rules: [
        { name: 'after hours', when: { hours: '18:00-08:00' }, then: { deliver_to: ['night'], priority: 'low' }, continue: true },
        { name: 'gas', when: { text_matches: 'gas leak' }, then: { deliver_to: ['works', 'night'], priority: 'urgent' } },
        { name: 'streets', when: { service_group: 'Streets' }, then: { deliver_to: ['crm'] } },
        { name: 'anything', when: {}, then: { deliver_to: ['works'] } },
      ],
      default: { deliver_to: ['outbox'], priority: 'low' },
    },
  });
  const rules = createRules(config);
  const night = new Date('2026-01-15T06:30:00Z');
  const day = new Date('2026-01-15T18:00:00Z');

  it('first match wins: later rules are not evaluated', () => {
    const decision = rules.decide(buildRequest(), day);
    expect(decision).toMatchObject({ rule: 'streets', priority: 'normal', deliver_to: ['crm'] });
    expect(decision.trace.map((t) => [t.rule, t.matched])).toEqual([
      ['after hours', false],
      ['gas', false],
      ['streets', true],
      ['anything', false],
    ]);
    expect(decision.trace[3]?.reasons).toEqual(['not evaluated: "streets" matched first']);
  });

  it('continue: later matches add destinations, the first names the rule, the highest priority wins', () => {
    const decision = rules.decide(buildRequest({ description: 'gas leak by the school' }), night);
    expect(decision).toMatchObject({ rule: 'after hours', priority: 'urgent', deliver_to: ['night', 'works'] });
    const quiet = rules.decide(buildRequest(), night);
    expect(quiet).toMatchObject({ rule: 'after hours', priority: 'low', deliver_to: ['night', 'crm'] });
  });

  it('a rule without conditions matches every request', () => {
    const decision = rules.decide(buildRequest({ service_code: 'GRAFFITI' }), day);
    expect(decision).toMatchObject({ rule: 'anything', deliver_to: ['works'] });
    expect(decision.trace[3]?.reasons).toEqual(['no conditions: matches every request']);
  });

  it('no matching rule: router.default, with its priority or normal', () => {
    const only = buildConfig({
      router: {
        destinations,
        rules: [{ name: 'gas', when: { text_matches: 'gas' }, then: { deliver_to: ['works'] } }],
        default: { deliver_to: ['outbox'] },
      },
    });
    const decision = createRules(only).decide(buildRequest());
    expect(decision).toEqual({
      rule: null,
      priority: 'normal',
      deliver_to: ['outbox'],
      trace: [{ rule: 'gas', matched: false, reasons: ['description does not match /gas/i'] }],
    });
  });
});
