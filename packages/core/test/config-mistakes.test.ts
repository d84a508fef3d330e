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
});
