import {
  IntakeError,
  QueueUnavailableError,
  ServiceRequest,
  badRequest,
  metricsRegistry,
  notFound,
  requireBearer,
  serviceRequestFrom,
  type Connector,
  type ConnectorContext,
  type Logger,
  type RateLimits,
  type RequestStore,
  type RedisClient,
} from '@intake/core';
import type { IntakeRouter } from '@intake/router';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { Scrape } from './metrics.js';
import type { RequestStatuses } from '@intake/citizen';

export interface HttpDeps {
  context: ConnectorContext;
  connectors: Connector[];
  store: RequestStore;
  redis: RedisClient;
  router: IntakeRouter;
  scrape: Scrape;
  statuses: RequestStatuses;
  /** `GET /media/:id`: signed links to stored photos */
  mediaRoutes: express.Router;
  /** `GET /track/{reference}-{token}`: the citizen's tracking page */
  trackingRoutes: express.Router;
  /** the operator console, mounted at /admin */
  console?: Router;
}

/** What a CRM (or an operator) says about a request's progress. */
const StatusUpdate = z.strictObject({
  status: z.string().trim().min(1).max(60),
  note: z.string().trim().max(500).optional(),
  external_id: z.string().trim().min(1).max(200).optional(),
});

interface BodyParserError {
  type?: string;
  status?: number;
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

function errorHandler(log: Logger, redis: RedisClient): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof IntakeError) {
      res.set(error.headers).status(error.status).json(errorBody(error.code, error.message));
      return;
    }
    if (error instanceof z.ZodError) {
      res.status(400).json(errorBody('invalid_request', error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      return;
    }
    const { type, status } = (error ?? {}) as BodyParserError;
    if (type === 'entity.parse.failed') res.status(400).json(errorBody('invalid_json', 'the body is not valid JSON'));
    else if (type === 'entity.too.large') res.status(413).json(errorBody('payload_too_large', 'the body is larger than the limit'));
    else if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      res.status(415).json(errorBody('unsupported_encoding', 'unsupported body encoding'));
    else if (typeof status === 'number' && status >= 400 && status < 500)
      res.status(status).json(errorBody('bad_request', 'the request could not be read'));
    else if (redis.status !== 'ready') {
      // a failure while Redis is away is Redis's: the caller should retry, not report a bug
      const unavailable = new QueueUnavailableError(error);
      res.set(unavailable.headers).status(unavailable.status).json(errorBody(unavailable.code, unavailable.message));
    } else {
      log.error({ err: error }, 'unhandled error');
      res.status(500).json(errorBody('internal', 'something went wrong on our side'));
    }
  };
}

function operatorRoutes(app: Express, deps: HttpDeps) {
  const { config } = deps.context;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const redisUp = await deps.redis.ping().then(
      () => true,
      () => false,
    );
    res.status(redisUp ? 200 : 503).json({ status: redisUp ? 'ready' : 'unavailable', redis: redisUp ? 'up' : 'down' });
  });
  // with a port of its own, /metrics is served there only (createMetricsApp), not beside the public routes
  if (config.server.metrics?.port === undefined)
    app.get('/metrics', ...metricsRoute(deps.scrape, config.server.metrics?.token, deps.context.rateLimits));

  const admin = requireBearer(config.server.admin_token === undefined ? [] : [config.server.admin_token], deps.context.rateLimits);
  app.get('/api/v1/requests/:id', admin, async (req, res) => {
    const idOrReference = String(req.params.id);
    const stored = await deps.store.find(idOrReference);
    if (stored === null) throw notFound(`no request ${idOrReference}`);
    const deliveries = await deps.store.deliveries(stored.record.id);
    res.json({ ...stored, deliveries: Object.fromEntries(deliveries.map((d) => [d.destination, d])) });
  });
  app.post('/api/v1/requests/:id/status', admin, express.json({ limit: config.server.body_limit }), async (req, res) => {
    const id = String(req.params.id);
    const update = StatusUpdate.safeParse(req.body);
    if (!update.success) throw badRequest(update.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const recorded = await deps.statuses.record(id, update.data);
    if (recorded === null) throw notFound(`no request ${id}`);
    res.status(202).json({ status: 'accepted', changed: recorded.changed });
  });
  app.post('/api/v1/admin/rules/test', admin, express.json({ limit: config.server.body_limit }), (req, res) => {
    const request = ServiceRequest.partial().safeParse(req.body);
    if (!request.success) throw badRequest(request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    res.json(deps.router.rules.decide(serviceRequestFrom(request.data)));
  });
  app.get('/api/v1/admin/dead-letters', admin, async (_req, res) => {
    res.json({ dead_letters: await deps.router.deadLetters() });
  });
  app.post('/api/v1/admin/dead-letters/:id/replay', admin, async (req, res) => {
    await deps.router.replay(String(req.params.id));
    res.status(202).json({ status: 'replayed' });
  });
}

/** Prometheus text, behind `server.metrics.token` when one is set (any other caller gets 401 JSON). */
function metricsRoute(scrape: Scrape, token: string | undefined, limits: RateLimits | undefined): RequestHandler[] {
  const serve: RequestHandler = async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await scrape.text());
  };
  return token === undefined ? [serve] : [requireBearer([token], limits), serve];
}

/** /metrics alone, for `server.metrics.port`: workers-only processes serve their counters this way too. */
export function createMetricsApp(scrape: Scrape, token: string | undefined, limits: RateLimits, log: Logger, redis: RedisClient): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', ...metricsRoute(scrape, token, limits));
  app.use((_req, _res, next) => next(notFound('no such route')));
  app.use(errorHandler(log, redis));
  return app;
}

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per request: method, path (never the query: it can hold an address or a token), status and time.
 * Written by hand rather than with pino-http, whose two child loggers per request cost the intake route
 * about a sixth of its throughput in `pnpm bench`; nothing here runs when info is not logged.
 */
function accessLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (!log.isLevelEnabled('info') || QUIET_PATHS.has(req.path)) return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ http: { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 } }, 'request');
    });
    next();
  };
}

/** The HTTP side: connectors' routes, operator routes, JSON errors everywhere. */
export function createHttpApp(deps: HttpDeps): Express {
  const { config, log } = deps.context;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.server.trust_proxy);
  app.use(accessLog(log));
  // the intake routes first: what citizens post, by far the most requests, passes no other route on its way
  for (const connector of deps.connectors) {
    const router = express.Router();
    connector.mount(router, deps.context);
    app.use(router);
  }
  operatorRoutes(app, deps);
  app.use(deps.mediaRoutes);
  app.use(deps.trackingRoutes);
  if (deps.console !== undefined) app.use('/admin', deps.console);
  app.use((_req, _res, next) => next(notFound('no such route')));
  app.use(errorHandler(log, deps.redis));
  return app;
}
