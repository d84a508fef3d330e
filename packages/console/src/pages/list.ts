import { badRequest, type LoadedConfig } from '@intake/core';
import type { Request, Response } from 'express';
import { html, maskEmail, maskPhone, page, type Html } from '../html.js';
import { localDateTime } from '../local-dates.js';
import type { IndexedRequest } from '../search/document.js';
import { RequestFilters } from '../search/query.js';
import type { RequestIndex } from '../search/request-index.js';
import { resolveFilters, searchResolved } from '../search/resolve.js';

const PAGE_SIZE = 50;
const STATUSES = ['received', 'awaiting_location', 'routed', 'delivered', 'failed', 'acknowledged', 'in_progress', 'closed'];

export function parseFilters(query: Request['query']): RequestFilters {
  const parsed = RequestFilters.safeParse(Object.fromEntries(Object.entries(query).filter(([, value]) => typeof value === 'string')));
  if (!parsed.success)
    throw badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), 'invalid_filter');
  return parsed.data;
}

/** `<received_at>.<id>` of the last row shown: the next page starts after it, however many rows arrive meanwhile. */
function parseCursor(value: unknown): { received_at: number; id: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,15})\.([0-9A-Za-z-]{1,64})$/.exec(value);
  if (match === null) throw badRequest('before: not a page cursor', 'invalid_filter');
  return { received_at: Number(match[1]), id: match[2]! };
}

const select = (name: string, label: string, options: [string, string][], chosen: string | undefined) =>
  html`<label for="${name}">${label}</label><select id="${name}" name="${name}"><option value="">any</option>${options.map(
    ([value, text]) => html`<option value="${value}"${chosen === value ? html` selected` : ''}>${text}</option>`,
  )}</select>`;

function filterForm(config: LoadedConfig, channels: string[], filters: RequestFilters): Html {
  return html`<form method="get" action="/admin" class="filters" role="search">
    <div class="q"><label for="q">Search</label><input id="q" name="q" type="search" value="${filters.q ?? ''}" placeholder="reference, words, phone or email"></div>
    <div><label for="street">Street</label><input id="street" name="street" value="${filters.street ?? ''}"></div>
    <div>${select(
      'service',
      'Service',
      config.services.map((s) => [s.code, s.name]),
      filters.service,
    )}</div>
    <div>${select(
      'channel',
      'Channel',
      channels.map((c) => [c, c]),
      filters.channel,
    )}</div>
    <div>${select(
      'status',
      'Status',
      STATUSES.map((s) => [s, s.replace('_', ' ')]),
      filters.status,
    )}</div>
    <div><label for="from">From</label><input id="from" name="from" type="date" value="${filters.from ?? ''}"></div>
    <div><label for="to">To</label><input id="to" name="to" type="date" value="${filters.to ?? ''}"></div>
    <div class="go"><button type="submit">Search</button></div>
  </form>`;
}

export const serviceName = (config: LoadedConfig, code: string | null) =>
  code === null ? '—' : (config.services.find((s) => s.code === code)?.name ?? code);

function row(config: LoadedConfig, request: IndexedRequest): Html {
  const contact = maskPhone(request.phone) ?? maskEmail(request.email) ?? '';
  return html`<tr>
    <td><a href="/admin/requests/${request.id}">${request.reference}</a></td>
    <td>${localDateTime(request.received_at, config.jurisdiction.timezone)}</td>
    <td>${request.channel}</td><td>${serviceName(config, request.service_code)}</td>
    <td>${request.address ?? '—'}</td><td><span class="status status-${request.status}">${request.status.replace('_', ' ')}</span>${request.duplicate_of !== null ? html` <span class="tag">duplicate</span>` : ''}</td>
    <td class="text">${request.description.length > 120 ? `${request.description.slice(0, 117)}…` : request.description}</td><td>${contact}</td>
  </tr>`;
}

function pageLinks(filters: RequestFilters, rows: IndexedRequest[], hasMore: boolean, paged: boolean): Html {
  const params = new URLSearchParams(Object.entries(filters).filter((pair): pair is [string, string] => pair[1] !== undefined));
  const last = rows.at(-1);
  const older =
    hasMore && last !== undefined
      ? html`<a rel="next" href="/admin?${new URLSearchParams([...params, ['before', `${last.received_at}.${last.id}`]]).toString()}">Older →</a>`
      : '';
  const newest = paged ? html`<a href="/admin?${params.toString()}">← Newest</a>` : '';
  return html`<nav class="paging" aria-label="Pages">${newest}${older}</nav>`;
}

export interface ListDeps {
  config: LoadedConfig;
  /** every channel the registered connectors declare */
  channels: string[];
  index: RequestIndex;
}

export function listPage({ config, channels, index }: ListDeps) {
  return async (req: Request, res: Response, ctx: { user: string; csrf: string }) => {
    const filters = parseFilters(req.query);
    const before = parseCursor(req.query.before);
    const candidates = resolveFilters(filters, {
      timezone: config.jurisdiction.timezone,
      country: config.jurisdiction.country,
      limit: PAGE_SIZE + 1,
    });
    const { rows, resolved } = await searchResolved(
      index,
      candidates.map((c) => ({ ...c, query: { ...c.query, ...(before && { before }) } })),
    );
    const shown = rows.slice(0, PAGE_SIZE);
    const said =
      resolved.understood === 'nothing' || resolved.understood === 'words'
        ? ''
        : html`<p class="understood">Looked up by ${resolved.understood}.</p>`;
    const table =
      shown.length === 0
        ? html`<p class="empty">No requests match.</p>`
        : html`<div class="table"><table><caption class="visually-hidden">Requests, newest first</caption><thead><tr><th scope="col">Ref.</th><th scope="col">Received</th><th scope="col">Channel</th><th scope="col">Service</th><th scope="col">Address</th><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Contact</th></tr></thead>
        <tbody>${shown.map((request) => row(config, request))}</tbody></table></div>`;
    res
      .type('html')
      .send(
        page(
          { title: 'Requests', town: config.jurisdiction.name, ...ctx },
          html`${filterForm(config, channels, filters)}${said}${table}${pageLinks(filters, shown, rows.length > PAGE_SIZE, before !== undefined)}`,
        ),
      );
  };
}
