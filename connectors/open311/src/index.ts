import {
  IntakeError,
  isKnownSecret,
  metrics,
  perClientLimit,
  settingsOf,
  type Connector,
  type ConnectorContext,
  type LoadedConfig,
  type ServiceDefinition,
} from '@intake/core';
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import { z } from 'zod';
import { Open311Error, formatOfPath, sendErrors, sendList, sendObject, splitFormat, type Format } from './format.js';
import { Open311Report, reportProblems, toInboundMessage } from './report.js';
import { MAX_RESULTS, RequestsQuery, findRequests, toOpen311Request } from './requests.js';
import { sendDiscovery } from './discovery.js';
import { UpdatePost, UpdatesQuery, toRequestUpdate } from './updates.js';

export { open311Status } from './requests.js';

/** `channels.open311`: the API keys of the Open311 apps that may post requests. */
const Open311Settings = z.strictObject({ api_keys: z.array(z.string().min(1)).min(1) });
type Open311Settings = z.infer<typeof Open311Settings>;

const REQUESTS_XML = { root: 'service_requests', item: 'request' };
const SERVICES_XML = { root: 'services', item: 'service' };
const UPDATES_XML = { root: 'service_request_updates', item: 'request_update' };

const toOpen311Service = (service: ServiceDefinition) => ({
  service_code: service.code,
  service_name: service.name,
  description: service.description ?? null,
  // no service has extra attributes: the description carries everything
  metadata: false,
  type: 'realtime',
  keywords: service.keywords.length > 0 ? service.keywords.join(', ') : null,
  group: service.group ?? null,
});

const problemsOf = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || 'request'} ${issue.message}`);

const unknownFormat = (file: string) => new Open311Error(404, [`unknown format in "${file}": use .json or .xml`]);

/** The `.json`/`.xml` a route was asked in; a 404 in Open311's form for any other extension. */
function formatOf(value: string): Format {
  if (value === 'json' || value === 'xml') return value;
  throw unknownFormat(value);
}

/** `{id}.json` -> the id and the format. */
function resourceOf(file: string): { name: string; format: Format } {
  const resource = splitFormat(file);
  if (resource === null) throw unknownFormat(file);
  return resource;
}

/** `jurisdiction_id` is optional for a single-jurisdiction server, but when given it must be this one. */
function jurisdictionProblem(config: LoadedConfig, given: unknown): string | null {
  if (given === undefined || given === '' || given === config.jurisdiction.id) return null;
  return `jurisdiction_id "${String(given)}" was not found; this server is ${config.jurisdiction.id}`;
}

function checkJurisdiction(config: LoadedConfig, given: unknown): void {
  const problem = jurisdictionProblem(config, given);
  if (problem !== null) throw new Open311Error(404, [problem]);
}

/** Body-parser failures and the core's IntakeErrors keep their status; anything else is ours, logged, a 500. */
function asOpen311Error(error: unknown, ctx: ConnectorContext): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof IntakeError) return new Open311Error(error.status, [error.message], error.headers);
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.parse.failed') return new Open311Error(400, ['the body is not valid JSON']);
  if (type === 'entity.too.large') return new Open311Error(413, ['the body is larger than the limit']);
  if (typeof status === 'number' && status >= 400 && status < 500) return new Open311Error(status, ['the request could not be read']);
  ctx.log.error({ channel: 'open311', err: error }, 'open311 route failed');
  return new Open311Error(500, ['something went wrong on our side']);
}

function mount(router: Router, ctx: ConnectorContext): void {
  const { config } = ctx;
  const apiKeys = settingsOf(config, open311Connector)?.api_keys ?? [];
  const services = config.services.map(toOpen311Service);
  const serviceCodes = new Set(config.services.map((service) => service.code));
  const limit = config.server.body_limit;
  const open311 = express.Router();

  const readRequests = () => {
    if (ctx.requests === undefined) throw new Open311Error(501, ['this server does not list requests']);
    return ctx.requests;
  };

  const refuse = (problems: string[], status: number, reason: string) => {
    metrics.rejected.inc({ channel: 'open311', reason });
    return new Open311Error(status, problems);
  };

  open311.get('/services.:format', (req, res) => {
    const format = formatOf(req.params.format);
    checkJurisdiction(config, req.query.jurisdiction_id);
    res.set('Cache-Control', 'public, max-age=300');
    sendList(res, format, SERVICES_XML, services);
  });

  open311.get('/services/:file', (req, res) => {
    const file = resourceOf(req.params.file);
    checkJurisdiction(config, req.query.jurisdiction_id);
    if (!serviceCodes.has(file.name)) throw new Open311Error(404, [`service_code "${file.name}" was not found`]);
    sendObject(res, file.format, 'service_definition', { service_code: file.name, attributes: [] });
  });

  /** A POST's arguments, once its api_key and jurisdiction are right; an address that guessed keys too often waits. */
  const postedFields = async (req: Request): Promise<Record<string, unknown>> => {
    if (req.is('multipart/form-data')) {
      throw refuse(['send the request form-encoded (application/x-www-form-urlencoded) or as JSON'], 415, 'unsupported_media_type');
    }
    // Some clients put every argument in the query string, as the GeoReport swagger describes them.
    const fields: Record<string, unknown> = { ...req.query, ...(typeof req.body === 'object' && req.body !== null ? req.body : {}) };
    const apiKey = typeof fields.api_key === 'string' && fields.api_key !== '' ? fields.api_key : undefined;
    const isRight = () => apiKey !== undefined && isKnownSecret(apiKey, apiKeys);
    if (!(await (ctx.rateLimits?.secretTried(req.ip, isRight) ?? isRight()))) {
      throw refuse([apiKey === undefined ? 'api_key was not provided' : 'invalid api_key received'], 403, 'bad_api_key');
    }
    const jurisdiction = jurisdictionProblem(config, fields.jurisdiction_id);
    if (jurisdiction !== null) throw refuse([jurisdiction], 404, 'unknown_jurisdiction');
    return fields;
  };

  open311.post(['/requests.:format', '/servicerequestupdates.:format'], perClientLimit(ctx.rateLimits));
  open311.post('/requests.:format', express.urlencoded({ extended: false, limit }), express.json({ limit }), async (req, res) => {
    const format = formatOf(req.params.format);
    const fields = await postedFields(req);
    const parsed = Open311Report.safeParse(fields);
    if (!parsed.success) throw refuse(problemsOf(parsed.error), 400, 'invalid_request');
    const problems = reportProblems(parsed.data, serviceCodes);
    if (problems.length > 0) throw refuse(problems, 400, 'invalid_request');
    const accepted = await ctx.accept(toInboundMessage(parsed.data));
    const notice = ctx.texts.t(ctx.texts.defaultLanguage, 'open311.notice', { reference: accepted.reference });
    sendList(res, format, REQUESTS_XML, [
      {
        service_request_id: accepted.id,
        reference: accepted.reference,
        service_notice: notice,
        // swagger's RequestResponse has it as a string, and CRMs answer an empty <account_id/>: never null
        account_id: parsed.data.account_id ?? '',
      },
    ]);
  });

  open311.get('/requests.:format', async (req, res) => {
    const format = formatOf(req.params.format);
    const query = RequestsQuery.safeParse(req.query);
    if (!query.success) throw new Open311Error(400, problemsOf(query.error));
    checkJurisdiction(config, query.data.jurisdiction_id);
    sendList(res, format, REQUESTS_XML, await findRequests(readRequests(), query.data));
  });

  open311.get('/requests/:file', async (req, res) => {
    const file = resourceOf(req.params.file);
    checkJurisdiction(config, req.query.jurisdiction_id);
    const found = await readRequests().find(file.name);
    if (found === null) throw new Open311Error(404, [`service request ${file.name} was not found`]);
    // GeoReport v2 answers a single request as a list of one
    sendList(res, file.format, REQUESTS_XML, [toOpen311Request(found)]);
  });

  open311.get('/servicerequestupdates.:format', async (req, res) => {
    const format = formatOf(req.params.format);
    const query = UpdatesQuery.safeParse(req.query);
    if (!query.success) throw new Open311Error(400, problemsOf(query.error));
    checkJurisdiction(config, query.data.jurisdiction_id);
    const entries = await readRequests().timelineBetween(query.data.from, query.data.to, MAX_RESULTS);
    sendList(res, format, UPDATES_XML, entries.map(toRequestUpdate));
  });

  open311.post(
    '/servicerequestupdates.:format',
    express.urlencoded({ extended: false, limit }),
    express.json({ limit }),
    async (req, res) => {
      const format = formatOf(req.params.format);
      const parsed = UpdatePost.safeParse(await postedFields(req));
      if (!parsed.success) throw refuse(problemsOf(parsed.error), 400, 'invalid_request');
      if (ctx.addUpdate === undefined) throw new Open311Error(501, ['this server does not take updates']);
      const added = await ctx.addUpdate(parsed.data.service_request_id, { note: parsed.data.description, from: 'open311' });
      if (added === null) throw refuse([`service request ${parsed.data.service_request_id} was not found`], 404, 'unknown_request');
      sendList(res, format, UPDATES_XML, [{ update_id: added.update_id }]);
    },
  );

  open311.use((req, _res, next) => next(new Open311Error(404, [`no such Open311 resource: ${req.path}`])));
  const errors: ErrorRequestHandler = (error: unknown, req, res, _next) =>
    sendErrors(res, formatOfPath(req.path), asOpen311Error(error, ctx));
  open311.use(errors);
  router.use('/open311/v2', open311);
  router.get('/open311/discovery.:format', (req, res, next) => {
    const format = req.params.format;
    if (format !== 'json' && format !== 'xml') return next();
    sendDiscovery(res, format, config);
  });
}

/** The Open311 GeoReport v2 server facade, for the Open311 apps a town already has (`channels.open311`). */
export const open311Connector: Connector<Open311Settings> = {
  key: 'open311',
  channels: [{ name: 'open311' }],
  settings: Open311Settings,
  enabled: (config) => settingsOf(config, open311Connector) !== undefined,
  mount,
};
