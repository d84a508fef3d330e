import path from 'node:path';
import { badRequest, IntakeError, perClientLimit, settingsOf, type Connector, type ConnectorContext, type SavedPhoto } from '@intake/core';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { formValues, renderForm, renderThanks, type PageContext } from './pages.js';
import { photoUpload, savePhotos, tooManyPhotos } from './photos.js';
import { problemSayer, problemsOf, reworded } from './problems.js';
import { InvalidReport, parseIdempotencyKey, parseReport, toInboundMessage, type ReportBody } from './report.js';

/** `channels.web`: the citizen form and the reports API; `enabled: false` turns them off. */
const WebSettings = z.strictObject({ enabled: z.boolean().default(true) });
type WebSettings = z.infer<typeof WebSettings>;

const PUBLIC_DIR = path.join(__dirname, '..', 'public');
const AUTOCOMPLETE_DIR = path.dirname(require.resolve('accessible-autocomplete'));
/** exifr's build for JPEG and HEIC in the browser: the form's script reads a photo's position before asking where. */
const EXIF_READER = require.resolve('exifr/dist/lite.umd.js');

/** Pages use relative links so the form also works behind a proxy's path prefix; these lead back to the form's folder. */
const FORM_ROOT = '';
const REPORTS_ROOT = '../../';

const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  // pages can hold what a citizen typed (a refused post) or their reference: never for a shared cache
  'Cache-Control': 'no-store',
};

const AddressQuery = z.object({
  q: z.string({ error: 'q is required' }).trim().min(2, 'q must be 2 to 100 characters').max(100, 'q must be 2 to 100 characters'),
  limit: z.coerce.number().int('limit must be a whole number').min(1, 'limit must be 1 to 20').max(20, 'limit must be 1 to 20').default(8),
});

/** What the form's script asks before sending: does the report name a place? */
const LocateQuery = z.object({
  address: z.string().trim().max(500).optional(),
  description: z.string().max(5000).default(''),
});

function sendPage(res: Response, status: number, body: string): void {
  res.status(status).set(PAGE_HEADERS).type('html').send(body);
}

/**
 * The language of a page: the one the citizen picked (a `lang` link, or the form they posted), else the best
 * their browser asks for among those the town offers, else the town's default.
 */
function pageLanguage(ctx: ConnectorContext, req: Request): string {
  const chosen = typeof req.query.lang === 'string' ? req.query.lang : (req.body as { language?: unknown } | undefined)?.language;
  if (typeof chosen === 'string' && ctx.texts.languages.includes(chosen)) return chosen;
  return req.acceptsLanguages(...ctx.texts.languages) || ctx.texts.defaultLanguage;
}

function mount(router: Router, ctx: ConnectorContext): void {
  const { config, texts } = ctx;
  const serviceCodes = new Set(config.services.map((service) => service.code));
  const limit = config.server.body_limit;
  const pageFor = (req: Request, root: string): PageContext => ({ config, texts, language: pageLanguage(ctx, req), root });
  const formPages = new Map(texts.languages.map((language) => [language, renderForm({ config, texts, language, root: FORM_ROOT })]));

  const upload = photoUpload(config);

  /**
   * The words of a refusal: a browser's post reads them in its page's language; the form's script names its language
   * in the post and reads every refusal in it; other API clients get English (or the town's default language).
   */
  const namesLanguage = (req: Request) => typeof (req.body as { language?: unknown } | undefined)?.language === 'string';
  const apiLanguage = (req: Request) => (namesLanguage(req) ? pageLanguage(ctx, req) : 'en');
  const inPostLanguage = (req: Request, error: unknown) =>
    error instanceof IntakeError && !(error instanceof InvalidReport) && namesLanguage(req)
      ? reworded(error, config, texts, apiLanguage(req))
      : error;

  /** The photos of a report: those the form kept while it asked where, and those uploaded now, stored. */
  const photosOf = async (req: Request, report: ReportBody): Promise<SavedPhoto[]> => {
    const recalled = await Promise.all((report.kept_photo ?? []).map((url) => ctx.media.recall(url)));
    const kept = recalled.filter((media) => media !== null).map((media): SavedPhoto => ({ media, point: null }));
    if (kept.length + (Array.isArray(req.files) ? req.files.length : 0) > config.media.max_photos) throw tooManyPhotos(config);
    return [...kept, ...(await savePhotos(ctx.media, req.files))];
  };

  /**
   * The report is checked before its photos are stored, and they are removed again when the report is refused after
   * all or was sent before (a retry with the same Idempotency-Key): nothing stays in the store that no record holds.
   */
  const acceptWith = async (req: Request, report: ReportBody, photos: SavedPhoto[]) => {
    const externalId = parseIdempotencyKey(req.get('Idempotency-Key'));
    const unheld = () => ctx.media.discard(photos.map((photo) => photo.media));
    const accepted = await ctx.accept(toInboundMessage(report, externalId, photos)).catch(async (error: unknown) => {
      await unheld();
      throw error;
    });
    if (accepted.duplicate) await unheld();
    return accepted;
  };

  /**
   * The form asks where once before it sends a report that no field, word or photo's position places: a report
   * with no location is the one a crew cannot act on. Asked once, the citizen may still send it as it is.
   */
  const mustAskWhere = async (report: ReportBody, photos: SavedPhoto[]) =>
    report.asked_where === undefined &&
    report.lat === undefined &&
    photos.every((photo) => photo.point === null) &&
    !(await ctx.locates({ address: report.address ?? null, description: report.description }));
  /** A browser's own post (no JavaScript) wants pages back; the form's script and other clients want JSON. */
  const wantsPage = (req: Request) =>
    req.is('application/x-www-form-urlencoded') || (req.is('multipart/form-data') && req.accepts(['json', 'html']) === 'html');

  /** A plain form post (no JavaScript) gets pages back, errors included, never JSON: the form again, with what was wrong beside it. */
  const refusedFormPost = (req: Request, res: Response, error: IntakeError) => {
    res.set(error.headers);
    const state = { values: formValues(req.body), problems: problemsOf(error, config, pageLanguage(ctx, req)) };
    sendPage(res, error.status, renderForm(pageFor(req, REPORTS_ROOT), state));
  };

  const answerFormPost = async (req: Request, res: Response) => {
    try {
      const report = parseReport(req.body, serviceCodes, problemSayer(texts, pageLanguage(ctx, req)));
      const photos = await photosOf(req, report);
      if (await mustAskWhere(report, photos)) {
        // the photos stay stored, and the form carries their links, so the citizen need not pick them again
        const state = { values: formValues(req.body), askWhere: true, keptPhotos: photos.map((photo) => photo.media) };
        return sendPage(res, 200, renderForm(pageFor(req, REPORTS_ROOT), state));
      }
      const accepted = await acceptWith(req, report, photos);
      sendPage(res, 202, renderThanks(pageFor(req, REPORTS_ROOT), accepted.reference, accepted.tracking_path));
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      refusedFormPost(req, res, error);
    }
  };

  const answerApiPost = async (req: Request, res: Response) => {
    if (!req.is('application/json') && !req.is('multipart/form-data')) {
      throw new IntakeError(
        415,
        'unsupported_media_type',
        'send the report as application/json, multipart/form-data (with photos) or as a form post',
      );
    }
    try {
      const report = parseReport(req.body, serviceCodes, problemSayer(texts, apiLanguage(req)));
      const accepted = await acceptWith(req, report, await photosOf(req, report));
      res.status(202).json({
        id: accepted.id,
        status: 'accepted',
        duplicate: accepted.duplicate,
        reference: accepted.reference,
        tracking_path: accepted.tracking_path,
      });
    } catch (error) {
      throw inPostLanguage(req, error);
    }
  };

  /** A photo over the limits is refused while the body is read: a browser's own post still gets the form back. */
  const photoRefusal: ErrorRequestHandler = (error, req, res, next) => {
    if (error instanceof IntakeError && wantsPage(req)) refusedFormPost(req, res, error);
    else next(inPostLanguage(req, error));
  };

  // the reports first: the route that takes most requests passes none of the pages' on its way
  router.post(
    '/api/v1/reports',
    perClientLimit(ctx.rateLimits),
    express.json({ limit }),
    express.urlencoded({ extended: false, limit }),
    upload,
    (req, res) => (wantsPage(req) ? answerFormPost(req, res) : answerApiPost(req, res)),
  );
  router.use('/api/v1/reports', photoRefusal);

  // pnpm keeps packages under node_modules/.pnpm, a dot folder that send refuses unless told
  router.get('/static/web/vendor/exifr.js', (_req, res) => res.sendFile(EXIF_READER, { maxAge: '1d', dotfiles: 'allow' }));
  router.use('/static/web/vendor', express.static(AUTOCOMPLETE_DIR, { index: false, maxAge: '1d' }));
  router.use('/static/web', express.static(PUBLIC_DIR, { index: false, maxAge: '1h' }));

  router.get('/', (req, res) => {
    res.vary('Accept-Language');
    sendPage(res, 200, formPages.get(pageLanguage(ctx, req))!);
  });

  router.get('/api/v1/addresses', (req, res) => {
    const query = AddressQuery.safeParse(req.query);
    if (!query.success) throw badRequest(query.error.issues.map((issue) => issue.message).join('; '), 'invalid_query');
    res.set('Cache-Control', 'public, max-age=300').json({ suggestions: ctx.suggestAddresses(query.data.q, query.data.limit) });
  });

  router.get('/api/v1/locate', async (req, res) => {
    const query = LocateQuery.safeParse(req.query);
    if (!query.success)
      throw badRequest(query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), 'invalid_query');
    res
      .set('Cache-Control', 'no-store')
      .json({ located: await ctx.locates({ address: query.data.address ?? null, description: query.data.description }) });
  });
}

/** The web channel: the citizen form at `/`, address suggestions, and `POST /api/v1/reports` for the form, apps and scripts. */
export const webConnector: Connector<WebSettings> = {
  key: 'web',
  channels: [{ name: 'web' }],
  settings: WebSettings,
  // on for a config that names no channel at all, so a first run has a way in
  enabled: (config) => (Object.keys(config.channels).length === 0 ? true : settingsOf(config, webConnector)?.enabled === true),
  mount,
};
