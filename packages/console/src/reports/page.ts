import { badRequest, pointInAreas, type LoadedConfig } from '@intake/core';
import type { Request, Response } from 'express';
import { Html, html, page } from '../html.js';
import { parseFilters, serviceName } from '../pages/list.js';
import type { IndexedRequest } from '../search/document.js';
import type { RequestFilters } from '../search/query.js';
import type { RequestIndex } from '../search/request-index.js';
import { resolveFilters } from '../search/resolve.js';
import { mapSvg, type TownMap } from '../town-map.js';
import type { Aggregates } from './aggregates.js';
import type { NamedArea } from './areas.js';
import { summarise, type ReportSummary } from './summary.js';

export interface ReportDeps {
  config: LoadedConfig;
  channels: string[];
  index: RequestIndex;
  aggregates: Aggregates;
  areas: NamedArea[];
  map: TownMap | null;
}

/** The map shows at most this many of the latest reports; the counters above it cover every one. */
const MAP_POINTS = 2000;
/** A report covers at most this many days: counters are read one hash per day. */
const MAX_DAYS = 3 * 366;
const DEFAULT_DAYS = 30;

export interface ReportFilters extends RequestFilters {
  area?: string;
}

/** The page's and the exports' filters, with the date range filled in: the last 30 days by default. */
export function reportFilters(deps: ReportDeps, query: Request['query']): Required<Pick<ReportFilters, 'from' | 'to'>> & ReportFilters {
  const filters = parseFilters(query);
  const area = typeof query.area === 'string' && query.area !== '' ? query.area : undefined;
  if (area !== undefined && !deps.areas.some((candidate) => candidate.name === area))
    throw badRequest(`area: not one of ${deps.areas.map((a) => a.name).join(', ') || '(none configured)'}`, 'invalid_filter');
  const to = filters.to ?? deps.aggregates.dayOf(Date.now());
  const from = filters.from ?? deps.aggregates.dayOf(Date.parse(`${to}T12:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000);
  if (from > to) throw badRequest('from: must not be after to', 'invalid_filter');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS)
    throw badRequest(`a report covers at most ${MAX_DAYS} days`, 'invalid_filter');
  return { ...filters, from, to, ...(area && { area }) };
}

/** The requests behind the map and the exports, newest first, `limit` at most, inside the area when one is chosen. */
export async function filteredRequests(deps: ReportDeps, filters: ReportFilters, limit: number): Promise<IndexedRequest[]> {
  const [candidate] = resolveFilters(filters, {
    timezone: deps.config.jurisdiction.timezone,
    country: deps.config.jurisdiction.country,
    limit: Math.min(limit, 5000),
  });
  const area = deps.areas.find((a) => a.name === filters.area);
  const found: IndexedRequest[] = [];
  let before: { received_at: number; id: string } | undefined;
  while (found.length < limit) {
    const rows = await deps.index.search({ ...candidate!.query, ...(before && { before }) });
    for (const row of rows) {
      if (area === undefined || (row.lat !== null && row.long !== null && pointInAreas({ lat: row.lat, long: row.long }, area.areas)))
        found.push(row);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < candidate!.query.limit) break;
    before = { received_at: last.received_at, id: last.id };
  }
  return found.slice(0, limit);
}

const minutes = (seconds: number | null) =>
  seconds === null
    ? '—'
    : seconds < 90
      ? `${Math.round(seconds)} s`
      : seconds < 5400
        ? `${Math.round(seconds / 60)} min`
        : `${(seconds / 3600).toFixed(1)} h`;

function figures(summary: ReportSummary): Html {
  const figure = (label: string, value: string | number, id: string) =>
    html`<div class="card figure" id="${id}"><strong>${value}</strong>${label}</div>`;
  return html`<div class="figures">
    ${figure('requests', summary.total, 'fig-total')}
    ${figure('duplicates caught (crew trips saved)', summary.duplicates, 'fig-duplicates')}
    ${figure(`median time to CRM (${summary.timeToCrm.count} delivered)`, minutes(summary.timeToCrm.median), 'fig-median')}
    ${figure('95th percentile time to CRM', minutes(summary.timeToCrm.p95), 'fig-p95')}
  </div>`;
}

function filterForm(deps: ReportDeps, filters: ReportFilters): Html {
  const option = (value: string, text: string, chosen: string | undefined) =>
    html`<option value="${value}"${chosen === value ? html` selected` : ''}>${text}</option>`;
  const select = (name: string, label: string, options: [string, string][], chosen: string | undefined) =>
    html`<div><label for="${name}">${label}</label><select id="${name}" name="${name}"><option value="">all</option>${options.map(([v, t]) => option(v, t, chosen))}</select></div>`;
  return html`<form method="get" action="/admin/reports" class="filters">
    <div><label for="from">From</label><input id="from" name="from" type="date" value="${filters.from ?? ''}"></div>
    <div><label for="to">To</label><input id="to" name="to" type="date" value="${filters.to ?? ''}"></div>
    ${select(
      'service',
      'Service',
      deps.config.services.map((s) => [s.code, s.name]),
      filters.service,
    )}
    ${select(
      'channel',
      'Channel',
      deps.channels.map((c) => [c, c]),
      filters.channel,
    )}
    ${select(
      'area',
      'Area',
      deps.areas.map((a) => [a.name, a.name]),
      filters.area,
    )}
    <div class="go"><button type="submit">Show</button></div>
  </form>`;
}

const table = (caption: string, headings: string[], rows: (string | number)[][]) =>
  html`<div class="table"><table><caption>${caption}</caption><thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table></div>`;

export function reportsPage(deps: ReportDeps) {
  const { config } = deps;
  return async (req: Request, res: Response, ctx: { user: string; csrf: string }) => {
    const filters = reportFilters(deps, req.query);
    const summary = summarise(await deps.aggregates.days(filters.from, filters.to), filters);
    const points = deps.map === null ? [] : await filteredRequests(deps, filters, MAP_POINTS);
    const services = [...new Set(summary.byWeek.flatMap((week) => Object.keys(week.counts)))];
    const data = {
      byDay: summary.byDay,
      byWeek: summary.byWeek,
      channels: [...new Set(summary.byDay.flatMap((day) => Object.keys(day.counts)))],
      services,
      serviceNames: Object.fromEntries(services.map((code) => [code, serviceName(config, code === '-' ? null : code)])),
    };
    const query = new URLSearchParams(
      Object.entries(filters).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
    ).toString();
    const map =
      deps.map === null
        ? html`<p class="empty">No gazetteer is configured, so there is no town to draw.</p>`
        : mapSvg(
            deps.map,
            points
              .filter((p) => p.lat !== null && p.long !== null)
              .map((p) => ({
                lat: p.lat!,
                long: p.long!,
                label: `${p.reference} · ${serviceName(config, p.service_code)} · ${p.address ?? ''}`,
                href: `/admin/requests/${p.id}`,
              })),
            `Reports from ${filters.from} to ${filters.to}`,
            config.console.tile_url,
          );
    const body = html`${filterForm(deps, filters)}
      <p><a href="/admin/reports/export.csv?${query}">Export CSV</a> · <a href="/admin/reports/export.geojson?${query}">Export GeoJSON</a></p>
      ${figures(summary)}
      <div class="grid">
        <section class="card" aria-labelledby="day-h"><h2 id="day-h">Requests per day, by channel</h2><div class="chart"><canvas id="chart-day" role="img" aria-label="Requests per day, by channel"></canvas></div></section>
        <section class="card" aria-labelledby="week-h"><h2 id="week-h">Requests per week, by service</h2><div class="chart"><canvas id="chart-week" role="img" aria-label="Requests per week, by service"></canvas></div></section>
      </div>
      <section class="card" aria-labelledby="map-h"><h2 id="map-h">Map</h2>${map}<p class="empty">${points.length} reports with a point${points.length === MAP_POINTS ? ' (the latest only)' : ''}.</p></section>
      <div class="grid">
        <section class="card">${table('Busiest streets', ['Street', 'Requests'], summary.streets)}</section>
        <section class="card">${table('Failures per destination (gave up)', ['Destination', 'Requests'], Object.entries(summary.failures))}</section>
        <section class="card">${table(
          'Requests per week, by service',
          ['Week of', 'Service', 'Requests'],
          summary.byWeek.flatMap((week) => Object.entries(week.counts).map(([code, n]) => [week.week, data.serviceNames[code] ?? code, n])),
        )}</section>
      </div>
      <script type="application/json" id="report-data">${new Html(JSON.stringify(data).replace(/</g, '\\u003c'))}</script>`;
    res.type('html').send(page({ title: 'Reports', town: config.jurisdiction.name, ...ctx, scripts: ['chart.js', 'reports.js'] }, body));
  };
}
