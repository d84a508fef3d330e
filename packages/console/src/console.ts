import path from 'node:path';
import {
  QUEUE,
  deliveryQueueName,
  openQueue,
  type LoadedConfig,
  type Logger,
  type RateLimits,
  type RequestStore,
  type RedisClient,
} from '@intake/core';
import type { IntakeRouter } from '@intake/router';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Request, type Response, type Router } from 'express';
import { createAuth, TOKEN_USER } from './auth.js';
import { deadLetterPages } from './pages/dead-letters.js';
import { listPage } from './pages/list.js';
import { requestActions, requestPage } from './pages/request.js';
import type { RequestIndex } from './search/request-index.js';
import { loadTownMap } from './town-map.js';
import { Aggregates } from './reports/aggregates.js';
import { loadAreas } from './reports/areas.js';
import { reportExports } from './reports/exports.js';
import { reportsPage } from './reports/page.js';

export interface ConsoleDeps {
  config: LoadedConfig;
  /** the fast-failing connection of HTTP paths */
  redis: RedisClient;
  store: RequestStore;
  router: IntakeRouter;
  index: RequestIndex;
  /** every channel the registered connectors declare, for the filters */
  channels: string[];
  log: Logger;
  /** slows guessing of the admin token and console passwords */
  rateLimits?: RateLimits;
}

export interface Console {
  /** mount at /admin */
  router: Router;
  close(): Promise<void>;
}

const ASSETS = path.join(__dirname, '..', 'assets');
/** Chart.js's browser build, served by the console itself (no CDN); its package exports only the module entry. */
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: https:; style-src 'self'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

/** What each page gets besides the request: who is signed in and the token its forms carry. */
type PageHandler = (req: Request, res: Response, ctx: { user: string; csrf: string }) => Promise<void>;

/** @bull-board over every queue of the pipeline, behind the console's sign-in. */
function queueBoard(deps: ConsoleDeps) {
  const names = [
    QUEUE.intake,
    QUEUE.route,
    QUEUE.reply,
    ...Object.keys(deps.config.router.destinations).map(deliveryQueueName),
    QUEUE.deadLetter,
  ];
  const queues = names.map((name) => openQueue(name, deps.redis, deps.config.redis.prefix, deps.log));
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/admin/queues');
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Intake queues' } },
  });
  return { router: adapter.getRouter() as Router, close: () => Promise.all(queues.map((queue) => queue.close())) };
}

/** The operator console, an express router the gateway mounts at /admin in its own app. */
export function createConsole(deps: ConsoleDeps): Console {
  const auth = createAuth({ config: deps.config, redis: deps.redis, rateLimits: deps.rateLimits });
  const pageDeps = { ...deps, map: loadTownMap(deps.config) };
  const reportDeps = {
    ...pageDeps,
    aggregates: new Aggregates(deps.redis, deps.config.redis.prefix, deps.config.jurisdiction.timezone, loadAreas(deps.config)),
    areas: loadAreas(deps.config),
  };
  const exports = reportExports(reportDeps);
  const board = queueBoard(deps);
  const request = requestActions(pageDeps);
  const deadLetters = deadLetterPages(deps);
  const show = (handler: PageHandler) => async (req: Request, res: Response) =>
    handler(req, res, { user: req.session.user ?? TOKEN_USER, csrf: auth.token(req) });

  const console = express.Router();
  console.use('/assets', express.static(ASSETS, { maxAge: '1h', index: false }));
  console.get('/assets/chart.js', (_req, res) => res.sendFile(CHART_JS, { dotfiles: 'allow', maxAge: '1h' }));
  console.use(auth.routes);
  console.use(auth.requireSignIn);
  // bull-board's UI calls its API without the console's token: its changes are let through from the console's own pages only
  console.use('/queues', auth.sameOrigin, board.router);
  console.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  console.get('/', show(listPage(deps)));
  console.get('/requests/:id', show(requestPage(pageDeps)));
  console.post('/requests/:id/reroute', auth.csrf, request.reroute);
  console.post('/requests/:id/resend', auth.csrf, request.resend);
  console.post('/requests/:id/not-duplicate', auth.csrf, request.notDuplicate);
  console.get('/reports', show(reportsPage(reportDeps)));
  console.get('/reports/export.csv', exports.csv);
  console.get('/reports/export.geojson', exports.geojson);
  console.get('/dead-letters', show(deadLetters.list));
  console.post('/dead-letters/replay-all', auth.csrf, deadLetters.replayAll);
  console.post('/dead-letters/purge-all', auth.csrf, deadLetters.purgeAll);
  console.get('/dead-letters/:entry', show(deadLetters.inspect));
  console.post('/dead-letters/:entry/replay', auth.csrf, deadLetters.replay);
  console.post('/dead-letters/:entry/purge', auth.csrf, deadLetters.purge);
  return { router: console, close: async () => void (await board.close()) };
}
