import type { LoadedConfig, ServiceDefinition } from '@intake/core';
import { html, type SafeHtml } from './html.js';
import type { ReportProblem } from './report.js';

const FORM_FIELDS = ['description', 'service_code', 'address', 'lat', 'long', 'name', 'email', 'phone'] as const;

/** What the citizen typed, put back into the form when the server turns a post down. */
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

export function formValues(body: unknown): FormValues {
  const posted = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FORM_FIELDS.flatMap((field) => (typeof posted[field] === 'string' ? [[field, posted[field]]] : [])));
}

interface PageOptions {
  /** the path back to the form's folder, so pages work behind a reverse proxy's path prefix */
  root: string;
  title: string;
  body: SafeHtml;
}

function page(config: LoadedConfig, { root, title, body }: PageOptions): string {
  const town = config.jurisdiction.name;
  return html`<!doctype html>
<html lang="en">
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
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="container"><p class="jurisdiction">${town}</p></div></header>
<main id="main" class="container" tabindex="-1">
${body}
</main>
</body>
</html>
`.value;
}

function serviceOptions(services: ServiceDefinition[], selected: string | undefined): SafeHtml {
  const option = (service: ServiceDefinition) => html`<option value="${service.code}"${service.code === selected ? html` selected` : ''}>${service.name}</option>`;
  const groups = new Map<string, ServiceDefinition[]>();
  for (const service of services) {
    if (service.group !== undefined) groups.set(service.group, [...(groups.get(service.group) ?? []), service]);
  }
  return html`<option value="">Not sure</option>
${[...groups].map(([group, members]) => html`<optgroup label="${group}">${members.map(option)}</optgroup>
`)}${services.filter((s) => s.group === undefined).map(option)}`;
}

/** Where each posted field lives on the page, and what its label calls it. */
const FIELDS: Record<string, { id: string; label: string }> = {
  description: { id: 'description', label: 'Describe the problem' },
  service_code: { id: 'service_code', label: 'Type of problem' },
  address: { id: 'address', label: 'Address' },
  lat: { id: 'use-location', label: 'Location' },
  long: { id: 'use-location', label: 'Location' },
  name: { id: 'name', label: 'Name' },
  email: { id: 'email', label: 'Email' },
  phone: { id: 'phone', label: 'Phone' },
};

function errorSummary(problems: ReportProblem[]): SafeHtml {
  if (problems.length === 0) return html``;
  const item = ({ field, message }: ReportProblem) => {
    const known = field === null ? undefined : FIELDS[field];
    return known === undefined ? html`<li>${message}</li>` : html`<li><a href="#${known.id}">${known.label}: ${message}</a></li>`;
  };
  return html`<div class="error-summary" role="alert" tabindex="-1">
<h2>There is a problem</h2>
<ul>${problems.map(item)}</ul>
</div>`;
}

export interface FormState {
  values?: FormValues;
  problems?: ReportProblem[];
}

export function renderForm(config: LoadedConfig, root: string, { values = {}, problems = [] }: FormState = {}): string {
  const invalid = (field: string) => (problems.some((p) => p.field === field) ? html` aria-invalid="true"` : '');
  const body = html`<h1>Report a problem</h1>
<p class="lead">Let us know about a problem in a public place: a pothole, a broken streetlight, graffiti, a missed pickup.</p>
${errorSummary(problems)}
<form id="report" class="card" method="post" action="${root}api/v1/reports">
<fieldset>
<legend>What is the problem?</legend>
<div class="field">
<label for="description">Describe the problem</label>
<p class="hint" id="description-hint">What is it, and anything that helps the crew find it.</p>
<textarea id="description" name="description" rows="5" maxlength="5000" required aria-describedby="description-hint"${invalid('description')}>${values.description}</textarea>
</div>
<div class="field">
<label for="service_code">Type of problem</label>
<select id="service_code" name="service_code"${invalid('service_code')}>
${serviceOptions(config.services, values.service_code)}
</select>
</div>
</fieldset>
<fieldset>
<legend>Where is it?</legend>
<div class="field">
<label for="address">Address or nearest corner</label>
<p class="hint" id="address-hint">Start typing and pick a suggestion, or describe the place.</p>
<div id="address-field"><input id="address" name="address" type="text" maxlength="500" autocomplete="off" aria-describedby="address-hint" value="${values.address}"${invalid('address')}></div>
</div>
<div class="field location">
<button type="button" id="use-location" class="secondary" hidden>Use my location</button>
<button type="button" id="clear-location" class="link" hidden>Clear location</button>
<p id="location-status" class="status" role="status" aria-live="polite"></p>
<input type="hidden" id="lat" name="lat" value="${values.lat}">
<input type="hidden" id="long" name="long" value="${values.long}">
</div>
</fieldset>
<fieldset>
<legend>Your contact details (optional)</legend>
<p class="hint">Leave an email or phone number if you would like to hear back about this report.</p>
<div class="field">
<label for="name">Name</label>
<input id="name" name="name" type="text" maxlength="200" autocomplete="name" value="${values.name}"${invalid('name')}>
</div>
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" maxlength="320" autocomplete="email" spellcheck="false" value="${values.email}"${invalid('email')}>
</div>
<div class="field">
<label for="phone">Phone</label>
<input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" value="${values.phone}"${invalid('phone')}>
</div>
</fieldset>
<p id="form-status" class="status" role="status" aria-live="polite"></p>
<button type="submit" id="submit" class="primary">Send report</button>
</form>
<section id="done" class="card" hidden>
<h2 id="done-heading" tabindex="-1">Thank you, your report was received</h2>
<p>Your reference is <strong id="reference" class="reference"></strong></p>
<p>Keep it to ask about this report later.</p>
<p><a href="${root}">Report another problem</a></p>
</section>`;
  return page(config, { root, title: problems.length > 0 ? 'Error: Report a problem' : 'Report a problem', body });
}

export function renderThanks(config: LoadedConfig, root: string, reference: string): string {
  const body = html`<section class="card">
<h1>Thank you, your report was received</h1>
<p>Your reference is <strong class="reference">${reference}</strong></p>
<p>Keep it to ask about this report later.</p>
<p><a href="${root}">Report another problem</a></p>
</section>`;
  return page(config, { root, title: 'Report received', body });
}
