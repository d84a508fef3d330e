import { timingSafeEqual } from 'node:crypto';
import {
  currentStatus,
  parseTrackingSlug,
  serviceNameIn,
  type LoadedConfig,
  type RequestReader,
  type StoredRequest,
  type TimelineEvent,
} from '@intake/core';
import type { Texts } from '@intake/i18n';
import escapeHtml from 'escape-html';
import { Router, type Request, type Response } from 'express';

export interface TrackingDeps {
  config: LoadedConfig;
  texts: Texts;
  requests: Pick<RequestReader, 'find'>;
}

/** One line of the public timeline: when, what happened, and the CRM's public note if any. */
export interface TrackingStep {
  at: string;
  kind: 'received' | TimelineEvent['kind'];
  text: string;
  note: string | null;
}

/** What the tracking page shows, also its JSON twin: nothing about who reported it, and no house number. */
export interface TrackingView {
  reference: string;
  language: string;
  service: string | null;
  street: string | null;
  status: string;
  status_text: string;
  timeline: TrackingStep[];
}

/** "211 Bear Street" -> "Bear Street", "#4-211 Bear St" -> "Bear St": the street, never the door. */
export function streetOnly(address: string | null): string | null {
  if (address === null) return null;
  const street = address.replace(/^\s*(?:(?:no\.?|#)\s*)?\d+[a-z]?(?:\s*[-/]\s*\d+[a-z]?)?\s*,?\s+/i, '').trim();
  return street === '' || /^\d/.test(street) ? null : street;
}

const sameToken = (given: string, stored: string | null) =>
  stored !== null && given.length === stored.length && timingSafeEqual(Buffer.from(given), Buffer.from(stored));

function stepOf(texts: Texts, language: string, event: TimelineEvent): TrackingStep {
  const t = (key: string, values?: Record<string, string>) => texts.t(language, `track.${key}`, values);
  switch (event.kind) {
    case 'passed_on':
      return {
        at: event.at,
        kind: event.kind,
        text: event.team === null ? t('passed_on') : t('passed_to', { team: event.team }),
        note: null,
      };
    case 'status':
      return { at: event.at, kind: event.kind, text: t(`status_${event.status}`), note: event.note };
    case 'update':
      // what someone added may name them or their neighbours: the page only says that something was added
      return { at: event.at, kind: event.kind, text: t('update'), note: null };
  }
}

export function trackingView(deps: Pick<TrackingDeps, 'config' | 'texts'>, request: StoredRequest): TrackingView {
  const { record } = request;
  const language = deps.texts.pick(record.language);
  const status = currentStatus(request);
  const service = deps.config.services.find((known) => known.code === record.service_code);
  return {
    reference: record.reference,
    language,
    service: service === undefined ? record.service_name : serviceNameIn(service, language),
    street: record.location.precision === 'none' ? null : streetOnly(record.location.address),
    status,
    status_text: deps.texts.t(language, `track.status_${status}`),
    timeline: [
      { at: record.received_at, kind: 'received', text: deps.texts.t(language, 'track.received'), note: null },
      ...request.timeline.map((event) => stepOf(deps.texts, language, event)),
    ],
  };
}

/** A date as the town reads it, in its time zone and the citizen's language. */
const dateIn = (config: LoadedConfig, language: string) => (at: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: config.jurisdiction.timezone }).format(
    new Date(at),
  );

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}main{max-width:40rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.town{margin:0;color:#3d4551;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
.status{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:#e7f2f5;color:#0b4778;font-weight:600}
.status.closed{background:#ecf3ec;color:#19311e}
ol{list-style:none;margin:0;padding:0;border-left:3px solid #a9aeb1}
li{position:relative;margin:0 0 1rem;padding-left:1rem}
li::before{content:"";position:absolute;left:-.55rem;top:.45rem;width:.75rem;height:.75rem;border-radius:50%;background:#005ea2}
time{display:block;color:#3d4551;font-size:.95rem}.note{margin:.25rem 0 0;padding:.5rem .75rem;background:#f0f0f0;border-radius:.25rem}
`;

export function renderTracking(deps: Pick<TrackingDeps, 'config' | 'texts'>, view: TrackingView): string {
  const { language } = view;
  const t = (key: string, values?: Record<string, string>) => escapeHtml(deps.texts.t(language, `track.${key}`, values));
  const when = dateIn(deps.config, language);
  const town = escapeHtml(deps.texts.town(language));
  const steps = view.timeline
    .map(
      (step) =>
        `<li><time datetime="${escapeHtml(step.at)}">${escapeHtml(when(step.at))}</time>${escapeHtml(step.text)}${step.note === null ? '' : `<p class="note">${escapeHtml(step.note)}</p>`}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('title', { reference: view.reference })} – ${town}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="town">${town}</p>
<h1>${t('heading', { reference: view.reference })}</h1>
<dl>
<dt>${t('service')}</dt><dd>${escapeHtml(view.service ?? deps.texts.t(language, 'track.no_service'))}</dd>
<dt>${t('street')}</dt><dd>${escapeHtml(view.street ?? deps.texts.t(language, 'track.no_street'))}</dd>
<dt>${t('status')}</dt><dd><span class="status ${escapeHtml(view.status)}">${escapeHtml(view.status_text)}</span></dd>
</dl>
<h2>${t('timeline')}</h2>
<ol>
${steps}
</ol>
</main>
</body>
</html>`;
}

function notFoundPage(deps: Pick<TrackingDeps, 'config' | 'texts'>, language: string): string {
  const t = (key: string) => escapeHtml(deps.texts.t(language, `track.${key}`));
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${t('not_found_title')} – ${escapeHtml(deps.texts.town(language))}</title><style>${STYLE}</style></head>
<body><main><p class="town">${escapeHtml(deps.texts.town(language))}</p><h1>${t('not_found_title')}</h1><p>${t('not_found')}</p></main></body>
</html>`;
}

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/**
 * `GET /track/{reference}-{token}`: the citizen's page about their report, and its JSON twin for apps. A wrong or
 * missing token answers exactly as an unknown reference does, so a guessed reference reveals nothing.
 */
export function trackingRouter(deps: TrackingDeps): Router {
  const router = Router();
  router.get('/track/:slug', async (req: Request, res: Response) => {
    res.set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    const slug = parseTrackingSlug(String(req.params.slug));
    const found = slug === null ? null : await deps.requests.find(slug.reference);
    if (found === null || slug === null || !sameToken(slug.token, found.tracking_token)) {
      const language = deps.texts.pick(req.acceptsLanguages(...deps.texts.languages) || null);
      if (wantsJson(req)) res.status(404).json({ error: { code: 'not_found', message: deps.texts.t(language, 'track.not_found') } });
      else res.status(404).type('html').send(notFoundPage(deps, language));
      return;
    }
    const view = trackingView(deps, found);
    res.vary('Accept');
    if (wantsJson(req)) res.json(view);
    else res.type('html').send(renderTracking(deps, view));
  });
  return router;
}
