import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig, parseConfig, type PluginSchemas } from '../src/index.js';

const demo = path.resolve(__dirname, '../../gateway/demo/intake.yaml');
const plugins: PluginSchemas = {
  destinations: {
    file: z.object({ type: z.literal('file'), path: z.string() }),
    webhook: z.object({ type: z.literal('webhook'), url: z.url(), secret: z.string().min(8) }),
  },
  geocoders: { gazetteer: z.object({ type: z.literal('gazetteer'), file: z.string() }) },
};

function writeConfig(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-config-'));
  const file = path.join(dir, 'intake.yaml');
  writeFileSync(file, yaml);
  return file;
}

const minimal = `
jurisdiction: { id: example.org, name: Example, country: us }
services: [{ code: POTHOLE, name: Pothole, keywords: [pothole] }]
router:
  destinations: { outbox: { type: file, path: ./out.jsonl } }
  default: { deliver_to: [outbox] }
`;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the demo configuration with its defaults', () => {
    const config = loadConfig({ file: demo, env: {}, plugins });
    expect(config.jurisdiction.id).toBe('banff.ca');
    expect(config.jurisdiction.country).toBe('CA');
    expect(config.server.port).toBe(3000);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.dedupe).toMatchObject({ radius_m: 75, window_hours: 72 });
    expect(config.services.map((s) => s.code)).toContain('POTHOLE');
    expect(config.router.destinations.outbox).toEqual({ type: 'file', path: '.intake/outbox.jsonl' });
    expect(config.base_dir).toBe(path.dirname(demo));
  });

  it('fills in defaults and upper-cases the country of a minimal file', () => {
    const config = loadConfig({ file: writeConfig(minimal), env: {}, plugins });
    expect(config.jurisdiction.country).toBe('US');
    expect(config.geocoding.providers).toEqual([]);
    expect(config.router.rules).toEqual([]);
    expect(config.delivery).toEqual({ attempts: 8, backoff_ms: 2000 });
  });

  it('replaces ${VAR} and ${VAR:-default}, typing a value that is only a variable', () => {
    const file = writeConfig(
      `${minimal}server: { port: "\${PORT}", admin_token: "\${TOKEN:-fallback}", public_url: "https://\${HOST}/x" }\n`,
    );
    const config = loadConfig({ file, env: { PORT: '8080', HOST: 'intake.example.org' }, plugins });
    expect(config.server.port).toBe(8080);
    expect(config.server.admin_token).toBe('fallback');
    expect(config.server.public_url).toBe('https://intake.example.org/x');
  });

  it('names a missing environment variable by its path', () => {
    const file = writeConfig(`${minimal}server: { admin_token: "\${NOT_SET_ANYWHERE}" }\n`);
    expect(problemsOf(() => loadConfig({ file, env: {}, plugins }))).toContain(
      'server.admin_token: environment variable NOT_SET_ANYWHERE is not set',
    );
  });

  it('lists every problem as path: message', () => {
    const file = writeConfig(`
jurisdiction: { id: x, name: X, country: USA, timezone: Mars/Olympus }
services: [{ code: "bad code", name: Bad }, { code: A, name: A }, { code: A, name: Again }]
router:
  destinations: { hook: { type: webhook, url: not-a-url, secret: short }, odd: { type: carrier-pigeon } }
  rules:
    - { name: r, when: { service_code: NOPE, text_matches: "(" }, then: { deliver_to: [nowhere] } }
  default: { deliver_to: [hook] }
`);
    const problems = problemsOf(() => loadConfig({ file, env: {}, plugins }));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^jurisdiction\.country: /), expect.stringMatching(/^services\.0\.code: /)]),
    );
  });

  it('reports cross-references, unknown plugin types and plugin options once the shape is right', () => {
    const file = writeConfig(`
jurisdiction: { id: x, name: X, timezone: Mars/Olympus }
services: [{ code: A, name: A }, { code: A, name: Again }]
router:
  destinations: { hook: { type: webhook, url: not-a-url, secret: short }, odd: { type: carrier-pigeon } }
  rules:
    - { name: r, when: { service_code: NOPE, text_matches: "(" }, then: { deliver_to: [nowhere] } }
  default: { deliver_to: [hook] }
`);
    const problems = problemsOf(() => loadConfig({ file, env: {}, plugins }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'jurisdiction.timezone: unknown time zone "Mars/Olympus"',
        'services.1.code: duplicate service code "A"',
        'router.rules.0.then.deliver_to.0: unknown destination "nowhere"',
        expect.stringMatching(/^router\.rules\.0\.when\.text_matches: /),
      ]),
    );
    const pluginProblems = problemsOf(() =>
      loadConfig({
        file: writeConfig(minimal.replace('{ type: file, path: ./out.jsonl }', '{ type: webhook, url: nope, secret: short }')),
        env: {},
        plugins,
      }),
    );
    expect(pluginProblems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^router\.destinations\.outbox\.url: /),
        expect.stringMatching(/^router\.destinations\.outbox\.secret: /),
      ]),
    );
    const unknownType = problemsOf(() =>
      loadConfig({ file: writeConfig(minimal.replace('type: file', 'type: pigeon')), env: {}, plugins }),
    );
    expect(unknownType).toEqual([expect.stringMatching(/^router\.destinations\.outbox\.type: unknown type "pigeon"/)]);
  });

  it('warns, without failing, of a rule for a service the catalogue does not have', () => {
    const file = writeConfig(
      minimal.replace(
        'default:',
        'rules: [{ name: w, when: { service_code: [POTHOLE, STREETLIGHT] }, then: { deliver_to: [outbox] } }]\n  default:',
      ),
    );
    expect(loadConfig({ file, env: {}, plugins }).warnings).toEqual([
      'router.rules.0.when.service_code: "STREETLIGHT" is not in the service catalogue, so this condition never holds',
    ]);
    expect(loadConfig({ file: demo, env: {}, plugins }).warnings).toEqual([]);
  });

  it('checks that area files exist and hold polygons', () => {
    const file = writeConfig(
      `${minimal.replace('default:', 'rules: [{ name: w, when: { within: ./missing.geojson }, then: { deliver_to: [outbox] } }]\n  default:')}`,
    );
    expect(problemsOf(() => loadConfig({ file, env: {}, plugins }))).toEqual([
      expect.stringMatching(/^router\.rules\.0\.when\.within: .*missing\.geojson/),
    ]);
  });

  it('rejects YAML it cannot parse with the line', () => {
    const problems = problemsOf(() => loadConfig({ file: writeConfig('jurisdiction: [unclosed\n  x: {'), env: {}, plugins }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/intake\.yaml \(line \d+\): /);
  });

  it('rejects a missing file', () => {
    expect(problemsOf(() => loadConfig({ file: '/nonexistent/intake.yaml', plugins }))).toEqual(['/nonexistent/intake.yaml: no such file']);
  });

  it('validates an object too', () => {
    expect(() => parseConfig({}, { base_dir: '/', source: 'inline' })).toThrow(ConfigError);
  });
});
