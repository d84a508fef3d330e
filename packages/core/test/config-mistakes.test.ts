import path from 'node:path';
import { ConfigError, parseConfig } from '../src/index.js';

const base = () => ({
  jurisdiction: { id: 'springfield.example', name: 'City of Springfield' },
  services: [{ code: 'POTHOLE', name: 'Pothole', group: 'Streets' }],
  router: { destinations: {} },
});
const problemsOf = (raw: Record<string, unknown>): string[] => {
  try {
    parseConfig(raw, { base_dir: __dirname, source: 'test' });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('config mistakes', () => {
  it('says what server.port must be, and what it got, as a sentence', () => {
    expect(problemsOf({ ...base(), server: { port: 'abc' } })).toEqual(['server.port: must be a number from 0 to 65535, got "abc"']);
    expect(problemsOf({ ...base(), server: { port: 70000 } })).toEqual(['server.port: must be a number from 0 to 65535, got 70000']);
  });

  it('flags a rule for a service group no service of the catalogue has', () => {
    const rules = [{ name: 'parks', when: { service_group: 'Parks' }, then: { deliver_to: [] } }];
    const config = parseConfig({ ...base(), router: { destinations: {}, rules } }, { base_dir: __dirname, source: 'test' });
    expect(config.warnings).toEqual([
      'router.rules.0.when.service_group: "Parks" is not the group of any service in the catalogue, so this condition never holds',
    ]);
    const streets = [{ name: 'streets', when: { service_group: 'Streets' }, then: { deliver_to: [] } }];
    expect(
      parseConfig({ ...base(), router: { destinations: {}, rules: streets } }, { base_dir: __dirname, source: 'test' }).warnings,
    ).toEqual([]);
  });

  it('names an unknown key at any depth, and the key probably meant', () => {
    expect(problemsOf({ ...base(), dedupe: { radius_meters: 50 } })).toEqual([
      'dedupe: unknown key "radius_meters" (did you mean "radius_m"?)',
    ]);
    const { services, ...rest } = base();
    expect(problemsOf({ ...rest, servics: services })).toEqual(
      expect.arrayContaining(['(top level): unknown key "servics" (did you mean "services"?)']),
    );
    expect(problemsOf({ ...base(), server: { rate_limits: { per_clent: null } } })).toEqual([
      'server.rate_limits: unknown key "per_clent" (did you mean "per_client"?)',
    ]);
    const rules = [{ name: 'r', when: { service_cod: 'POTHOLE' }, then: { deliver_to: [] } }];
    expect(problemsOf({ ...base(), router: { destinations: {}, rules } })).toEqual([
      'router.rules.0.when: unknown key "service_cod" (did you mean "service_code"?)',
    ]);
    expect(problemsOf({ ...base(), jurisdiction: { ...base().jurisdiction, landmarks: [{ name: 'Park', colour: 'green' }] } })).toEqual([
      'jurisdiction.landmarks.0: unknown key "colour"',
    ]);
  });

  it('says what a value must be, and what it got, for the common mistakes', () => {
    expect(problemsOf({ ...base(), dedupe: { radius_m: 'far' } })).toEqual(['dedupe.radius_m: must be a number, got "far"']);
    expect(problemsOf({ ...base(), classification: { min_confidence: 2 } })).toEqual([
      'classification.min_confidence: must be at most 1, got 2',
    ]);
    expect(problemsOf({ ...base(), services: [] })).toEqual(['services: must be at least 1 item, got []']);
    expect(problemsOf({ ...base(), classification: { fallback_code: 'POTHOLE', question_fallback_code: 'INFO' } })).toEqual([
      'classification.question_fallback_code: unknown service code "INFO"',
    ]);
    expect(problemsOf({ ...base(), jurisdiction: { id: 'x', name: 'X', country: 'CAN' } })).toEqual([
      'jurisdiction.country: must be exactly 2 characters, got "CAN"',
    ]);
    expect(
      problemsOf({ ...base(), router: { destinations: {}, rules: [{ name: 'r', when: { intent: 'complaint' }, then: {} }] } }),
    ).toEqual(['router.rules.0.when.intent: must be one of "report", "question", got "complaint"']);
  });

  it('names a boundary file that is not there, or not GeoJSON, before anything starts', () => {
    const boundary = (file: string) => problemsOf({ ...base(), jurisdiction: { ...base().jurisdiction, boundary: file } });
    expect(boundary('./no-such-boundary.geojson')).toEqual([
      `jurisdiction.boundary: there is no file ${path.join(__dirname, 'no-such-boundary.geojson')} (a path is read from the folder of the config file)`,
    ]);
    expect(boundary(`./${path.basename(__filename)}`)).toEqual([expect.stringMatching(/^jurisdiction\.boundary: .* is not JSON \(/)]);
  });
});
