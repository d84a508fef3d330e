import { forbidden, metrics, type LoadedConfig } from '@intake/core';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { validateRequest } from 'twilio';

/** The origin (and path prefix) Twilio is told to call: the configured public URL, so signatures match behind a proxy. */
export function publicBase(config: LoadedConfig, req: Request): string {
  const base = config.server.public_url ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return base.replace(/\/+$/, '');
}

/** The absolute URL of one of our routes, as Twilio calls it and signs it. */
export function publicUrl(config: LoadedConfig, req: Request, path: string): string {
  return `${publicBase(config, req)}${path}`;
}

/**
 * The handlers every Twilio webhook starts with: a size-limited form parser, then `X-Twilio-Signature`
 * checked with twilio's own validator against the public URL; a bad or missing signature is a 403.
 */
export function twilioWebhook(config: LoadedConfig, authToken: string, channel: string): RequestHandler[] {
  const verify: RequestHandler = (req, _res, next) => {
    const signature = req.get('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, unknown>;
    if (signature === undefined || !validateRequest(authToken, signature, publicUrl(config, req, req.originalUrl), params)) {
      metrics.rejected.inc({ channel, reason: 'bad_signature' });
      next(forbidden('the X-Twilio-Signature header is missing or does not match this request'));
      return;
    }
    next();
  };
  return [express.urlencoded({ extended: false, limit: config.server.body_limit }), verify];
}

export function sendTwiml(res: Response, twiml: { toString(): string }): void {
  res.status(200).type('text/xml').send(twiml.toString());
}
