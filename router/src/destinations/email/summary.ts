import type { ServiceRequest } from '@intake/core';
import escapeHtml from 'escape-html';

/** What a works inbox reads: the subject line and the same rows as plain text and as HTML. */
export interface Summary {
  subject: string;
  text: string;
  html: string;
}

interface Row {
  label: string;
  text: string;
  /** a link for the HTML version, when the value is one */
  href?: string;
}

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** OpenStreetMap: no account or key, readable in any town. */
const mapLink = (lat: number, long: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=18/${lat}/${long}`;

function localTime(iso: string, timezone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Intl.DateTimeFormat('en', {
    timeZone: timezone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return `${local.format(date)} (${iso})`;
}

function locationRows({ location }: ServiceRequest): Row[] {
  const where =
    location.address ?? (location.lat !== null && location.long !== null ? `${location.lat}, ${location.long}` : 'no location given');
  const notes = [
    location.precision === 'none' ? null : `${location.precision} precision`,
    location.source,
    location.in_jurisdiction === false ? 'OUTSIDE the jurisdiction' : null,
  ];
  const rows: Row[] = [{ label: 'Location', text: [where, notes.filter(Boolean).join(', ')].filter(Boolean).join(' — ') }];
  if (location.lat !== null && location.long !== null) {
    const href = mapLink(location.lat, location.long);
    rows.push({ label: 'Map', text: href, href });
  }
  return rows;
}

function reporterRow({ reporter }: ServiceRequest): Row {
  const parts = [reporter.name, reporter.phone, reporter.email].filter((part): part is string => part !== null && part !== '');
  return { label: 'Reporter', text: parts.length === 0 ? 'anonymous' : parts.join(', ') };
}

function rowsOf(request: ServiceRequest, timezone: string): Row[] {
  const service = request.service_name === null ? 'not classified' : `${request.service_name} (${request.service_code})`;
  const rule = request.routing.rule === null ? '' : ` — rule "${request.routing.rule}"`;
  return [
    { label: 'Reference', text: `${request.reference} (request ${request.id})` },
    ...(request.duplicate_of === null ? [] : [{ label: 'Duplicate of', text: `request ${request.duplicate_of}` }]),
    ...(request.update === null
      ? []
      : [
          {
            label: 'Update',
            text: `${request.update.note || '(a photo)'} — from the ${request.update.from}, ${localTime(request.update.at, timezone)}`,
          },
        ]),
    { label: 'Service', text: service },
    { label: 'Priority', text: `${request.routing.priority}${rule}` },
    ...locationRows(request),
    reporterRow(request),
    { label: 'Channel', text: `${request.channel}, received ${localTime(request.received_at, timezone)}` },
    ...request.media.map((media, i) => ({ label: `Photo ${i + 1}`, text: media.url, href: isWebLink(media.url) ? media.url : undefined })),
  ];
}

function subjectOf(request: ServiceRequest, prefix: string): string {
  const flags = [
    request.routing.priority === 'urgent' ? 'URGENT' : null,
    request.duplicate_of === null ? null : 'Duplicate',
    request.update === null ? null : 'Update',
  ]
    .filter(Boolean)
    .join(' ');
  const what = request.service_name ?? 'Service request';
  const where = request.location.address === null ? '(no address)' : `at ${request.location.address}`;
  return [prefix, flags === '' ? null : `${flags}:`, what, where, `[#${request.reference}]`].filter(Boolean).join(' ');
}

const htmlRow = ({ label, text, href }: Row) =>
  `<tr><th align="left" valign="top" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${
    href === undefined ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
  }</td></tr>`;

/** The delivered record as a person reads it; the full record travels beside it as JSON. */
export function summarize(request: ServiceRequest, options: { subjectPrefix: string; timezone: string }): Summary {
  const rows = rowsOf(request, options.timezone);
  const subject = subjectOf(request, options.subjectPrefix);
  const text = [subject, '', ...rows.map((row) => `${row.label}: ${row.text}`), '', 'Description:', request.description, ''].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(subject)}</h2>`,
    `<table>${rows.map(htmlRow).join('')}</table>`,
    '<h3>Description</h3>',
    `<p style="white-space:pre-wrap">${escapeHtml(request.description)}</p>`,
    '<p><small>The full record is attached as JSON.</small></p>',
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
