import { createHmac } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { IntakeError, bearerToken, isKnownSecret, unauthorized, type LoadedConfig, type RateLimits, type RedisClient } from '@intake/core';
import { csrfSync } from 'csrf-sync';
import express, { type Request, type RequestHandler, type Router } from 'express';
import session from 'express-session';
import { html, page } from './html.js';
import { RedisSessionStore } from './session-store.js';

declare module 'express-session' {
  interface SessionData {
    user?: string;
  }
}

/** The name the console shows for whoever signed in with the admin token. */
export const TOKEN_USER = 'admin';
const COOKIE = 'intake_admin';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthDeps {
  config: LoadedConfig;
  redis: RedisClient;
  rateLimits?: RateLimits;
}

/**
 * The cookie is signed with `console.session_secret`, or a key derived from the admin token, so every HTTP node
 * accepts the sessions of every other without more configuration.
 */
function sessionSecret(config: LoadedConfig): string | null {
  if (config.console.session_secret !== undefined) return config.console.session_secret;
  if (config.server.admin_token === undefined) return null;
  return createHmac('sha256', config.server.admin_token).update('intake console session').digest('base64url');
}

async function checkCredentials(config: LoadedConfig, form: Record<string, unknown>): Promise<string | null> {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  const token = text('token');
  if (token !== '') return config.server.admin_token !== undefined && isKnownSecret(token, [config.server.admin_token]) ? TOKEN_USER : null;
  const user = config.console.users.find((candidate) => candidate.name === text('user'));
  if (user === undefined || text('password') === '') return null;
  return (await verify(user.password_hash, text('password')).catch(() => false)) ? user.name : null;
}

/** Where to go after signing in: only a path inside the console, never another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/admin(\/[^/\\]|$|\?)/.test(next) ? next : '/admin');

export interface Auth {
  /** sessions, the sign-in and sign-out routes; mount before everything else */
  routes: Router;
  /** lets through a signed-in session or a bearer admin token; pages send others to sign in */
  requireSignIn: RequestHandler;
  /** rejects a POST from a session without the session's token (bearer callers have no cookie to ride on) */
  csrf: RequestHandler;
  /** rejects a change from a session unless the browser says it comes from a page of this site: for APIs whose own pages send no token */
  sameOrigin: RequestHandler;
  token(req: Request): string;
}

export function createAuth({ config, redis, rateLimits }: AuthDeps): Auth {
  const secret = sessionSecret(config);
  const ttlSeconds = Math.round(config.console.session_hours * 3600);
  const secure = config.server.public_url?.startsWith('https:') ?? false;
  const sync = csrfSync({ getTokenFromRequest: (req) => (typeof req.body?._csrf === 'string' ? req.body._csrf : req.get('x-csrf-token')) });
  const { generateToken } = sync;
  const csrfSynchronisedProtection: RequestHandler = (req, res, next) =>
    sync.csrfSynchronisedProtection(req, res, (error?: unknown) =>
      next(error === undefined ? undefined : new IntakeError(403, 'csrf', 'the form is out of date: reload the page and try again')),
    );
  const isAdminToken = (token: string | undefined) =>
    token !== undefined && config.server.admin_token !== undefined && isKnownSecret(token, [config.server.admin_token]);
  // a wrong token or password counts against the address's budget of wrong secrets (429 once spent)
  const tried = async <T>(req: Request, check: () => T | Promise<T>): Promise<T> =>
    rateLimits ? rateLimits.secretTried(req.ip, check) : check();
  const bearer = async (req: Request) => {
    const token = bearerToken(req);
    return token !== undefined && (await tried(req, () => isAdminToken(token)));
  };

  const routes = express.Router();
  routes.use(
    session({
      name: COOKIE,
      secret: secret ?? 'console disabled',
      store: new RedisSessionStore(redis, config.redis.prefix, ttlSeconds),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: secure ? true : undefined,
      cookie: { httpOnly: true, sameSite: 'strict', secure, path: '/admin', maxAge: ttlSeconds * 1000 },
    }),
  );
  routes.use(express.urlencoded({ extended: false, limit: '16kb' }));

  const signInPage = (req: Request, problem?: string) =>
    page(
      { title: 'Sign in', town: config.jurisdiction.name },
      html`${problem === undefined ? '' : html`<p class="problem" role="alert">${problem}</p>`}
      ${secret === null && config.console.users.length === 0 ? html`<p class="problem">No admin token or console user is configured: set <code>server.admin_token</code> or <code>console.users</code>.</p>` : ''}
      <form method="post" action="/admin/sign-in" class="sign-in">
        <input type="hidden" name="_csrf" value="${generateToken(req)}"><input type="hidden" name="next" value="${safeNext(req.query.next ?? req.body?.next)}">
        <label for="token">Admin token</label><input id="token" name="token" type="password" autocomplete="current-password">
        ${
          config.console.users.length > 0
            ? html`<p class="or">or</p><label for="user">User</label><input id="user" name="user" autocomplete="username">
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">`
            : ''
        }
        <button type="submit">Sign in</button>
      </form>`,
    );

  routes.get('/sign-in', (req, res) => {
    if (req.session.user !== undefined) return res.redirect(303, '/admin');
    res.type('html').send(signInPage(req));
  });
  routes.post('/sign-in', csrfSynchronisedProtection, async (req, res, next) => {
    const user = await tried(req, () => checkCredentials(config, req.body ?? {})).catch((error: unknown) => {
      if (error instanceof IntakeError && error.status === 429) return error;
      throw error;
    });
    if (user instanceof IntakeError) {
      const problem = `Too many wrong tries from here: try again in ${user.headers['Retry-After']} s.`;
      return res.status(429).set(user.headers).type('html').send(signInPage(req, problem));
    }
    if (user === null || secret === null) return res.status(401).type('html').send(signInPage(req, 'That token or password is not right.'));
    // A new session id on sign-in, so an id planted before it is worth nothing after.
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.user = user;
      generateToken(req, true);
      res.redirect(303, safeNext(req.body.next));
    });
  });
  routes.post('/sign-out', csrfSynchronisedProtection, (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(COOKIE, { path: '/admin' }).redirect(303, '/admin/sign-in');
    });
  });

  const requireSignIn: RequestHandler = async (req, res, next) => {
    if (req.session.user !== undefined || (await bearer(req))) return next();
    if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html')
      return res.redirect(303, `/admin/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
    next(unauthorized());
  };
  const csrf: RequestHandler = (req, res, next) =>
    req.session.user === undefined && isAdminToken(bearerToken(req)) ? next() : csrfSynchronisedProtection(req, res, next);

  const ownOrigins = new Set([config.server.public_url].filter((url) => url !== undefined).map((url) => new URL(url).origin));
  /** Sec-Fetch-Site, which no page's script can set, where the browser sends it; else Origin, which every browser sends on a change. */
  const fromThisSite = (req: Request) => {
    const site = req.get('sec-fetch-site');
    if (site !== undefined) return site === 'same-origin';
    const origin = req.get('origin');
    return origin !== undefined && (ownOrigins.has(origin) || origin === `${req.protocol}://${req.get('host')}`);
  };
  const sameOrigin: RequestHandler = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || (req.session.user === undefined && isAdminToken(bearerToken(req))) || fromThisSite(req))
      return next();
    next(new IntakeError(403, 'csrf', 'a change must come from a page of the console itself'));
  };

  return { routes, requireSignIn, csrf, sameOrigin, token: (req) => generateToken(req) };
}
