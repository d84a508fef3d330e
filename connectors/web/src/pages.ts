import { serviceGroupIn, serviceNameIn, type LoadedConfig, type Media, type ServiceDefinition } from '@intake/core';
import type { Texts } from '@intake/i18n';
import { html, type SafeHtml } from './html.js';
import type { ReportProblem } from './report.js';

const FORM_FIELDS = ['description', 'service_code', 'address', 'lat', 'long', 'name', 'email', 'phone', 'language', 'asked_where'] as const;

/** What the citizen typed, put back into the form when the server turns a post down. */
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

export function formValues(body: unknown): FormValues {
  const posted = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FORM_FIELDS.flatMap((field) => (typeof posted[field] === 'string' ? [[field, posted[field]]] : [])));
}

/** Who a page is for: the town, its texts, and the language the citizen reads. */
export interface PageContext {
  config: LoadedConfig;
  texts: Texts;
  language: string;
  /** the path back to the form's folder, so pages work behind a reverse proxy's path prefix */
  root: string;
}

const say = (pc: PageContext, key: string) => pc.texts.t(pc.language, `form.${key}`);

/** Links to the page in each other language the town offers; none when it offers one. */
function languagePicker(pc: PageContext): SafeHtml {
  const others = pc.texts.choices().filter(({ language }) => language !== pc.language);
  if (others.length === 0) return html``;
  const link = ({ language, name }: { language: string; name: string }) =>
    html`<a href="${pc.root}?lang=${language}" lang="${language}" hreflang="${language}">${name}</a>`;
  return html`<nav class="languages" aria-label="${say(pc, 'language')}">${others.map(link)}</nav>`;
}

function page(pc: PageContext, title: string, body: SafeHtml): string {
  const { root } = pc;
  const town = pc.texts.town(pc.language);
  return html`<!doctype html>
<html lang="${pc.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} – ${town}</title>
<link rel="stylesheet" href="${root}static/web/vendor/accessible-autocomplete.min.css">
<link rel="stylesheet" href="${root}static/web/form.css">
<script src="${root}static/web/vendor/accessible-autocomplete.min.js" defer></script>
<script src="${root}static/web/form.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${say(pc, 'skip_link')}</a>
<header class="site-header"><div class="container"><p class="jurisdiction">${town}</p>${languagePicker(pc)}</div></header>
<main id="main" class="container" tabindex="-1">
${body}
</main>
</body>
</html>
`.value;
}

function serviceOptions(pc: PageContext, services: ServiceDefinition[], selected: string | undefined): SafeHtml {
  const option = (service: ServiceDefinition) =>
    html`<option value="${service.code}"${service.code === selected ? html` selected` : ''}>${serviceNameIn(service, pc.language)}</option>`;
  const groups = new Map<string, ServiceDefinition[]>();
  for (const service of services) {
    const group = serviceGroupIn(service, pc.language);
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), service]);
  }
  return html`<option value="">${say(pc, 'service_unsure')}</option>
${[...groups].map(
  ([group, members]) => html`<optgroup label="${group}">${members.map(option)}</optgroup>
`,
)}${services.filter((s) => s.group === undefined).map(option)}`;
}

/** Where each posted field lives on the page, and the catalogue text of its label. */
const FIELDS: Record<string, { id: string; label: string }> = {
  description: { id: 'description', label: 'description_label' },
  service_code: { id: 'service_code', label: 'service_label' },
  address: { id: 'address', label: 'address_label' },
  lat: { id: 'use-location', label: 'location_label' },
  long: { id: 'use-location', label: 'location_label' },
  name: { id: 'name', label: 'name_label' },
  email: { id: 'email', label: 'email_label' },
  phone: { id: 'phone', label: 'phone_label' },
  photo: { id: 'photo', label: 'photo_label' },
};

function errorSummary(pc: PageContext, problems: ReportProblem[]): SafeHtml {
  if (problems.length === 0) return html``;
  const item = ({ field, key, values }: ReportProblem) => {
    const known = field === null ? undefined : FIELDS[field];
    const problem = pc.texts.t(pc.language, key, values);
    if (known === undefined) return html`<li>${problem}</li>`;
    return html`<li><a href="#${known.id}">${pc.texts.t(pc.language, 'form.problem_at', { field: say(pc, known.label), text: problem })}</a></li>`;
  };
  return html`<div class="error-summary" role="alert" tabindex="-1">
<h2>${say(pc, 'error_heading')}</h2>
<ul>${problems.map(item)}</ul>
</div>`;
}

export interface FormState {
  values?: FormValues;
  problems?: ReportProblem[];
  /** the report names no place the town can find: ask where before it is sent */
  askWhere?: boolean;
  /** photos already stored for this report (while the form asks where), carried by their signed links */
  keptPhotos?: Media[];
}

/** The photos the citizen sent before the form asked where: kept, so they need not pick them again. */
function keptPhotoList(pc: PageContext, photos: Media[]): SafeHtml {
  if (photos.length === 0) return html``;
  const name = (photo: Media, i: number) => photo.name ?? pc.texts.t(pc.language, 'form.photo_number', { number: i + 1 });
  return html`<div class="kept-photos">
<p>${pc.texts.t(pc.language, 'form.photos_kept', { count: photos.length })}</p>
<ul>${photos.map((photo, i) => html`<li>${name(photo, i)}<input type="hidden" name="kept_photo" value="${photo.url}"></li>`)}</ul>
</div>`;
}

/** "Where is it?", shown by the server (no JavaScript) or by the script, before the report is sent. */
function whereQuestion(pc: PageContext, asked: boolean): SafeHtml {
  return html`<div id="where-question" class="where-question" role="alert" tabindex="-1"${asked ? '' : html` hidden`}>
<h2>${say(pc, 'where_heading')}</h2>
<p>${say(pc, 'where_question')}</p>
</div>`;
}

export function renderForm(pc: PageContext, { values = {}, problems = [], askWhere = false, keptPhotos = [] }: FormState = {}): string {
  const { root } = pc;
  const t = (key: string) => say(pc, key);
  const scriptTexts = JSON.stringify(pc.texts.templates(pc.language, 'form_script'));
  const invalid = (field: string) => (problems.some((p) => p.field === field) ? html` aria-invalid="true"` : '');
  const body = html`<h1>${t('title')}</h1>
<p class="lead">${t('lead')}</p>
${errorSummary(pc, problems)}
<form id="report" class="card" method="post" action="${root}api/v1/reports" enctype="multipart/form-data" data-texts="${scriptTexts}">
<input type="hidden" name="language" value="${pc.language}">
${askWhere ? html`<input type="hidden" name="asked_where" value="1">` : ''}
<fieldset>
<legend>${t('problem_legend')}</legend>
<div class="field">
<label for="description">${t('description_label')}</label>
<p class="hint" id="description-hint">${t('description_hint')}</p>
<textarea id="description" name="description" rows="5" maxlength="5000" required aria-describedby="description-hint"${invalid('description')}>${values.description}</textarea>
</div>
<div class="field">
<label for="service_code">${t('service_label')}</label>
<select id="service_code" name="service_code"${invalid('service_code')}>
${serviceOptions(pc, pc.config.services, values.service_code)}
</select>
</div>
<div class="field">
<label for="photo">${t('photo_label')}</label>
<p class="hint" id="photo-hint">${pc.texts.t(pc.language, 'form.photo_hint', { count: pc.config.media.max_photos })}</p>
${keptPhotoList(pc, keptPhotos)}
<input id="photo" name="photo" type="file" accept="image/*" multiple aria-describedby="photo-hint"${invalid('photo')}>
</div>
</fieldset>
<fieldset id="where">
<legend>${t('where_legend')}</legend>
${whereQuestion(pc, askWhere)}
<div class="field">
<label for="address">${t('address_label')}</label>
<p class="hint" id="address-hint">${t('address_hint')}</p>
<div id="address-field"><input id="address" name="address" type="text" maxlength="500" autocomplete="off" aria-describedby="address-hint" value="${values.address}"${invalid('address')}></div>
</div>
<div class="field location">
<button type="button" id="use-location" class="secondary" hidden>${t('use_location')}</button>
<button type="button" id="clear-location" class="link" hidden>${t('clear_location')}</button>
<p id="location-status" class="status" role="status" aria-live="polite"></p>
<input type="hidden" id="lat" name="lat" value="${values.lat}">
<input type="hidden" id="long" name="long" value="${values.long}">
</div>
</fieldset>
<fieldset>
<legend>${t('contact_legend')}</legend>
<p class="hint">${t('contact_hint')}</p>
<div class="field">
<label for="name">${t('name_label')}</label>
<input id="name" name="name" type="text" maxlength="200" autocomplete="name" value="${values.name}"${invalid('name')}>
</div>
<div class="field">
<label for="email">${t('email_label')}</label>
<input id="email" name="email" type="email" maxlength="320" autocomplete="email" spellcheck="false" value="${values.email}"${invalid('email')}>
</div>
<div class="field">
<label for="phone">${t('phone_label')}</label>
<input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" value="${values.phone}"${invalid('phone')}>
</div>
</fieldset>
<p id="form-status" class="status" role="status" aria-live="polite"></p>
<button type="submit" id="submit" class="primary">${t('submit')}</button>
</form>
<section id="done" class="card" hidden>
<h2 id="done-heading" tabindex="-1">${t('received_heading')}</h2>
<p>${t('reference_is')} <strong id="reference" class="reference"></strong></p>
<p>${t('keep_reference')}</p>
<p id="track-line" hidden><a id="track" class="track" href="">${t('follow_link')}</a></p>
<p><a href="${root}?lang=${pc.language}">${t('another')}</a></p>
</section>`;
  return page(pc, problems.length > 0 ? t('error_title') : t('title'), body);
}

export function renderThanks(pc: PageContext, reference: string, trackingPath: string | null): string {
  const { root } = pc;
  const t = (key: string) => say(pc, key);
  const body = html`<section class="card">
<h1>${t('received_heading')}</h1>
<p>${t('reference_is')} <strong class="reference">${reference}</strong></p>
<p>${t('keep_reference')}</p>
${trackingPath === null ? html`` : html`<p><a class="track" href="${root}${trackingPath.replace(/^\//, '')}">${t('follow_link')}</a></p>`}
<p><a href="${root}?lang=${pc.language}">${t('another')}</a></p>
</section>`;
  return page(pc, t('received_title'), body);
}
