import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, type Config, type PluginOptions } from './config-schema.js';
import { ConfigError } from './errors.js';
import { readAreas } from './geo.js';

/** Option schemas of the plugins the app knows, by `type`: how a new CRM or geocoder adds its keys. */
export interface PluginSchemas {
  destinations: Record<string, z.ZodType<PluginOptions>>;
  geocoders: Record<string, z.ZodType<PluginOptions>>;
  /** the registered connectors: their settings' schemas by key under `channels:`, and the channel names they serve */
  channels?: { settings: Record<string, z.ZodType>; names: readonly string[] };
}

export interface LoadedConfig extends Config {
  /** where relative paths in the file are resolved from */
  base_dir: string;
  /** the file it came from, or "demo" */
  source: string;
  /** things that load but are probably not meant, e.g. a rule for a service the catalogue does not have */
  warnings: string[];
}

export interface LoadOptions {
  file: string;
  env?: NodeJS.ProcessEnv;
  plugins?: PluginSchemas;
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces `${VAR}` and `${VAR:-default}` in every string; a scalar that is only a variable is read as YAML (numbers, booleans). */
function interpolate(value: unknown, env: NodeJS.ProcessEnv, at: string[], problems: string[]): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{[^}]+\}$/.test(value);
    const replaced = value.replace(VARIABLE, (_match, name: string, fallback: string | undefined) => {
      const found = env[name] ?? fallback;
      if (found === undefined) problems.push(`${at.join('.')}: environment variable ${name} is not set`);
      return found ?? '';
    });
    if (!whole || replaced === '') return replaced;
    const typed: unknown = parseYaml(replaced);
    return typeof typed === 'number' || typeof typed === 'boolean' ? typed : replaced;
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, [...at, String(i)], problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, [...at, key], problems)]));
  }
  return value;
}

const describe = (issues: z.core.$ZodIssue[], prefix: (string | number)[] = []) =>
  issues.map((issue) => `${[...prefix, ...issue.path].join('.') || '(top level)'}: ${issue.message}`);

const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
const got = (input: unknown) => (input === undefined ? 'it is missing' : `got ${JSON.stringify(input)}`);
const UNITS: Record<string, string> = { string: 'character', array: 'item', set: 'item' };
const sizeOf = (origin: string, count: number | bigint) =>
  UNITS[origin] === undefined ? String(count) : `${count} ${UNITS[origin]}${Number(count) === 1 ? '' : 's'}`;

/** "unknown key "radius_meters" (did you mean "radius_m"?)": the keys the object has are in its schema's shape. */
function unknownKeys(keys: string[], inst: unknown): string {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape ?? {};
  const known = Object.keys(shape);
  return keys
    .map((key) => {
      const suggestion = closest(key, known);
      return `unknown key "${key}"${suggestion === null ? '' : ` (did you mean "${suggestion}"?)`}`;
    })
    .join('; ');
}

/**
 * zod's messages as sentences about the value ("must be a number, got \"abc\""); a message a schema wrote itself
 * (a refinement's, a custom one) is kept, since it already says what is wrong.
 */
function sentenceOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, issue.inst);
    case 'invalid_type':
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, ${got(issue.input)}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? quoted(issue.values) : `one of ${quoted(issue.values)}`}, ${got(issue.input)}`;
    case 'too_small':
      return `must be ${issue.exact ? 'exactly' : 'at least'} ${sizeOf(issue.origin, issue.minimum)}, ${got(issue.input)}`;
    case 'too_big':
      return `must be ${issue.exact ? 'exactly' : 'at most'} ${sizeOf(issue.origin, issue.maximum)}, ${got(issue.input)}`;
    default:
      return undefined;
  }
}

/** Parses a part of the config with the messages above. */
const parseSection = <T extends z.ZodType>(schema: T, value: unknown) => schema.safeParse(value, { error: sentenceOf });

/** Parses a file a command reads (`intake rules test request.json`); a ConfigError with the same sentences when it is wrong. */
export function parseExplained<T extends z.ZodType>(schema: T, value: unknown, source: string): z.output<T> {
  const result = parseSection(schema, value);
  if (!result.success) throw new ConfigError(describe(result.error.issues).map((problem) => `${source}: ${problem}`));
  return result.data;
}

/**
 * A plugin's options are flat: a key its schema lacks is a mistake even where the plugin's own schema would drop it;
 * a schema that says what other keys may be (a loose object, a catchall) is taken at its word.
 */
const strictAtTop = (schema: z.ZodType<PluginOptions> | undefined): z.ZodType<PluginOptions> | undefined =>
  schema instanceof z.ZodObject && schema._zod.def.catchall === undefined
    ? (schema.strict() as unknown as z.ZodType<PluginOptions>)
    : schema;

function parsePlugins(
  list: [string, PluginOptions][],
  schemas: Record<string, z.ZodType<PluginOptions>>,
  at: string,
  problems: string[],
): Map<string, PluginOptions> {
  const parsed = new Map<string, PluginOptions>();
  for (const [key, options] of list) {
    const schema = strictAtTop(schemas[options.type]);
    if (!schema) {
      problems.push(`${at}.${key}.type: unknown type "${options.type}" (known: ${Object.keys(schemas).join(', ')})`);
      continue;
    }
    const result = parseSection(schema, options);
    if (result.success) parsed.set(key, result.data);
    else problems.push(...describe(result.error.issues, [...at.split('.'), key]));
  }
  return parsed;
}

/** The known word a mistyped one was probably meant to be: a few letters off, or the start of it ("radius_meters"). */
export function closest(word: string, known: readonly string[]): string | null {
  const scored = known.map((candidate) => ({
    candidate,
    cost: word.startsWith(candidate) || candidate.startsWith(word) ? 0 : distance(word, candidate),
  }));
  const best = scored.sort((a, b) => a.cost - b.cost)[0];
  return best !== undefined && best.cost <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : null;
}

/** Each channel's settings through its connector's schema; a key no connector owns, or a rule for no channel, is an error. */
function parseChannels(config: LoadedConfig, channels: NonNullable<PluginSchemas['channels']>, problems: string[]): void {
  const known = Object.keys(channels.settings);
  for (const [key, settings] of Object.entries(config.channels)) {
    const schema = channels.settings[key];
    if (schema === undefined) {
      const suggestion = closest(key, known);
      problems.push(
        `channels.${key}: no such channel${suggestion === null ? '' : ` (did you mean "${suggestion}"?)`} (known: ${known.join(', ')})`,
      );
      continue;
    }
    const result = parseSection(schema, settings ?? {});
    if (result.success) config.channels[key] = result.data;
    else problems.push(...describe(result.error.issues, ['channels', key]));
  }
  config.router.rules.forEach((rule, i) => {
    for (const channel of [rule.when.channel ?? []].flat()) {
      if (!channels.names.includes(channel))
        problems.push(`router.rules.${i}.when.channel: no channel "${channel}" (known: ${channels.names.join(', ')})`);
    }
  });
}

function checkFiles(config: LoadedConfig, problems: string[]) {
  const areaFiles: [string, string | undefined][] = [
    ['jurisdiction.boundary', config.jurisdiction.boundary],
    ...config.router.rules.map((rule, i): [string, string | undefined] => [`router.rules.${i}.when.within`, rule.when.within]),
  ];
  for (const [at, written] of areaFiles) {
    if (written === undefined) continue;
    const file = resolveConfigPath(config, written);
    if (!existsSync(file)) {
      problems.push(`${at}: there is no file ${file} (a path is read from the folder of the config file)`);
      continue;
    }
    try {
      readAreas(file);
    } catch (error) {
      const message = error instanceof SyntaxError ? `${file} is not JSON (${error.message})` : (error as Error).message;
      problems.push(`${at}: ${message}`);
    }
  }
}

/** A rule for a code the catalogue lacks can never match (channels only take catalogue codes): worth saying, not fatal. */
function warningsOf(config: Config): string[] {
  const codes = new Set(config.services.map((service) => service.code));
  const groups = new Set(config.services.flatMap((service) => (service.group === undefined ? [] : [service.group])));
  const unknown = (field: 'service_code' | 'service_group', known: Set<string>, what: string) =>
    config.router.rules.flatMap((rule, i) =>
      [rule.when[field] ?? []]
        .flat()
        .filter((value) => !known.has(value))
        .map((value) => `router.rules.${i}.when.${field}: "${value}" is not ${what}, so this condition never holds`),
    );
  return [
    ...unknown('service_code', codes, 'in the service catalogue'),
    ...unknown('service_group', groups, 'the group of any service in the catalogue'),
  ];
}

/** Validates an already-read configuration object; throws ConfigError with every problem. */
export function parseConfig(raw: unknown, options: Omit<LoadOptions, 'file'> & { base_dir: string; source: string }): LoadedConfig {
  const problems: string[] = [];
  const interpolated = interpolate(raw ?? {}, options.env ?? process.env, [], problems);
  const result = parseSection(ConfigSchema, interpolated);
  if (!result.success) throw new ConfigError([...problems, ...describe(result.error.issues)]);
  const config: LoadedConfig = { ...result.data, base_dir: options.base_dir, source: options.source, warnings: warningsOf(result.data) };
  if (options.plugins) {
    const destinations = parsePlugins(
      Object.entries(config.router.destinations),
      options.plugins.destinations,
      'router.destinations',
      problems,
    );
    const geocoders = parsePlugins(
      config.geocoding.providers.map((p, i) => [String(i), p]),
      options.plugins.geocoders,
      'geocoding.providers',
      problems,
    );
    config.router.destinations = Object.fromEntries(destinations);
    config.geocoding.providers = [...geocoders.values()];
    if (options.plugins.channels) parseChannels(config, options.plugins.channels, problems);
  }
  checkFiles(config, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Reads, interpolates and validates `intake.yaml`; throws ConfigError listing every problem as `path: message`. */
export function loadConfig(options: LoadOptions): LoadedConfig {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new ConfigError([`${file}: no such file`]);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new ConfigError([`${file}${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
  return parseConfig(raw, { ...options, base_dir: path.dirname(file), source: file });
}

/** Resolves a path written in the config file against the file's folder. */
export function resolveConfigPath(config: Pick<LoadedConfig, 'base_dir'>, file: string): string {
  return path.resolve(config.base_dir, file);
}
