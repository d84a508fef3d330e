import {
  ConfigError,
  Priority,
  pointInAreas,
  readAreas,
  resolveConfigPath,
  type Area,
  type LoadedConfig,
  type Rule,
  type RuleCondition,
  type ServiceRequest,
} from '@intake/core';
import { localClock, parseHours, withinHours, type LocalTime } from './local-time.js';

/** Why one rule did or did not match: one reason per condition. */
export interface RuleTrace {
  rule: string;
  matched: boolean;
  reasons: string[];
}

export interface Decision {
  /** the first rule that matched, or null when the default applied */
  rule: string | null;
  priority: Priority;
  deliver_to: string[];
  trace: RuleTrace[];
}

export interface Rules {
  /** Pure: the same request and time always give the same decision (dry-runs use it too). */
  decide(request: ServiceRequest, now?: Date): Decision;
}

interface Outcome {
  holds: boolean;
  reason: string;
}
type Check = (request: ServiceRequest, time: LocalTime) => Outcome;

interface CompiledRule {
  rule: Rule;
  checks: Check[];
}

interface CompileContext {
  config: LoadedConfig;
  /** where the rule sits in the config, for error messages */
  at: string;
  areas(file: string, at: string): Area[];
}

const list = (value: string | string[]) => [value].flat();

function membership(label: string, actual: string | null | undefined, wanted: string[]): Outcome {
  const holds = actual != null && wanted.includes(actual);
  return { holds, reason: `${label} ${actual ?? '(none)'} ${holds ? 'in' : 'not in'} [${wanted.join(', ')}]` };
}

function flag(label: string, actual: boolean | null, wanted: boolean): Outcome {
  const holds = actual === wanted;
  return { holds, reason: `${label} is ${actual ?? 'unknown'}${holds ? '' : `, wanted ${wanted}`}` };
}

const pointOf = (request: ServiceRequest) =>
  request.location.lat !== null && request.location.long !== null ? { lat: request.location.lat, long: request.location.long } : null;

/** One compiler per condition key: a condition core adds without one here fails to type-check. */
const compilers: { [K in keyof RuleCondition]-?: (value: NonNullable<RuleCondition[K]>, ctx: CompileContext) => Check } = {
  service_code: (value) => (request) => membership('service_code', request.service_code, list(value)),
  service_group: (value, { config }) => {
    const groupOf = new Map(config.services.map((service) => [service.code, service.group]));
    return (request) => membership('service group', request.service_code === null ? null : groupOf.get(request.service_code), list(value));
  },
  channel: (value) => (request) => membership('channel', request.channel, list(value)),
  text_matches: (pattern) => {
    const regex = new RegExp(pattern, 'i');
    return (request) => {
      const holds = regex.test(request.description);
      return { holds, reason: `description ${holds ? 'matches' : 'does not match'} ${regex}` };
    };
  },
  within: (file, ctx) => {
    const areas = ctx.areas(file, `${ctx.at}.within`);
    return (request) => {
      const point = pointOf(request);
      if (point === null) return { holds: false, reason: `no point to place in ${file}` };
      const holds = pointInAreas(point, areas);
      return { holds, reason: `point ${holds ? 'inside' : 'outside'} ${file}` };
    };
  },
  in_jurisdiction: (wanted) => (request) => flag('in_jurisdiction', request.location.in_jurisdiction, wanted),
  has_location: (wanted) => (request) => flag('has_location', pointOf(request) !== null, wanted),
  duplicate: (wanted) => (request) => flag('duplicate', request.duplicate_of !== null, wanted),
  intent: (wanted) => (request) => membership('intent', request.intent, [wanted]),
  hours: (range, ctx) => {
    const hours = parseHours(range, `${ctx.at}.hours`);
    return (_request, time) => {
      const holds = withinHours(time.minutes, hours);
      return { holds, reason: `local time ${time.label} ${holds ? 'within' : 'outside'} ${range}` };
    };
  },
  days: (days) => (_request, time) => membership('local day', time.day, days),
};

function compileRule(rule: Rule, ctx: CompileContext): CompiledRule {
  const checks = (Object.keys(rule.when) as (keyof RuleCondition)[])
    .filter((key) => rule.when[key] !== undefined)
    .map((key) => (compilers[key] as (value: unknown, ctx: CompileContext) => Check)(rule.when[key], ctx));
  return { rule, checks };
}

function areaLoader(config: LoadedConfig) {
  const cache = new Map<string, Area[]>();
  return (file: string, at: string): Area[] => {
    const resolved = resolveConfigPath(config, file);
    let areas = cache.get(resolved);
    if (areas === undefined) {
      try {
        areas = readAreas(resolved);
      } catch (error) {
        throw new ConfigError([`${at}: ${(error as Error).message}`]);
      }
      cache.set(resolved, areas);
    }
    return areas;
  };
}

const rank = (priority: Priority) => Priority.options.indexOf(priority);
const highest = (priorities: Priority[]): Priority =>
  priorities.reduce<Priority | null>((best, p) => (best === null || rank(p) > rank(best) ? p : best), null) ?? 'normal';

function evaluate(compiled: CompiledRule, request: ServiceRequest, time: LocalTime): RuleTrace {
  const outcomes = compiled.checks.map((check) => check(request, time));
  return {
    rule: compiled.rule.name,
    matched: outcomes.every((outcome) => outcome.holds),
    reasons: outcomes.length > 0 ? outcomes.map((outcome) => outcome.reason) : ['no conditions: matches every request'],
  };
}

/** Compiles the configured rules once (regexes, GeoJSON areas, hour ranges); throws ConfigError on a bad one. */
export function createRules(config: LoadedConfig): Rules {
  const areas = areaLoader(config);
  const compiled = config.router.rules.map((rule, i) => compileRule(rule, { config, at: `router.rules.${i}.when`, areas }));
  const clock = localClock(config.jurisdiction.timezone);

  return {
    decide(request, now = new Date()) {
      const time = clock(now);
      const trace: RuleTrace[] = [];
      const matched: Rule[] = [];
      let stoppedBy: string | null = null;
      for (const rule of compiled) {
        if (stoppedBy !== null) {
          trace.push({ rule: rule.rule.name, matched: false, reasons: [`not evaluated: "${stoppedBy}" matched first`] });
          continue;
        }
        const result = evaluate(rule, request, time);
        trace.push(result);
        if (!result.matched) continue;
        matched.push(rule.rule);
        if (!rule.rule.continue) stoppedBy = rule.rule.name;
      }
      const [first] = matched;
      if (first === undefined) {
        const fallback = config.router.default;
        return { rule: null, priority: fallback.priority ?? 'normal', deliver_to: [...fallback.deliver_to], trace };
      }
      return {
        rule: first.name,
        priority: highest(matched.flatMap((rule) => rule.then.priority ?? [])),
        deliver_to: [...new Set(matched.flatMap((rule) => rule.then.deliver_to))],
        trace,
      };
    },
  };
}
