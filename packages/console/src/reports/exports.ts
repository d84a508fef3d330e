import type { Request, Response } from 'express';
import type { IndexedRequest } from '../search/document.js';
import { filteredRequests, reportFilters, type ReportDeps } from './page.js';

/** An export holds at most this many requests, newest first; narrow the dates for more. */
const EXPORT_LIMIT = 100_000;

const COLUMNS = [
  'id',
  'reference',
  'received_at',
  'channel',
  'service_code',
  'status',
  'address',
  'street',
  'lat',
  'long',
  'duplicate_of',
  'description',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula:
 * such a cell is given a leading apostrophe, which the spreadsheet shows as text. Every cell is then CSV-quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const exported = (request: IndexedRequest) => ({ ...request, received_at: new Date(request.received_at).toISOString() });

/** CSV and GeoJSON of the requests the reports page shows, with the same filters as query parameters; no contacts. */
export function reportExports(deps: ReportDeps) {
  const filename = (filters: { from: string; to: string }, ext: string) =>
    `intake-${deps.config.jurisdiction.id}-${filters.from}-${filters.to}.${ext}`;
  return {
    async csv(req: Request, res: Response) {
      const filters = reportFilters(deps, req.query);
      const rows = (await filteredRequests(deps, filters, EXPORT_LIMIT)).map(exported);
      const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(','))];
      res
        .type('text/csv; charset=utf-8')
        .attachment(filename(filters, 'csv'))
        .send(`${lines.join('\r\n')}\r\n`);
    },
    async geojson(req: Request, res: Response) {
      const filters = reportFilters(deps, req.query);
      const rows = (await filteredRequests(deps, filters, EXPORT_LIMIT))
        .filter((row) => row.lat !== null && row.long !== null)
        .map(exported);
      const features = rows.map(({ lat, long, ...properties }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [long, lat] },
        properties: Object.fromEntries(
          COLUMNS.filter((c) => c !== 'lat' && c !== 'long').map((c) => [c, properties[c as keyof typeof properties]]),
        ),
      }));
      res
        .type('application/geo+json')
        .attachment(filename(filters, 'geojson'))
        .send(JSON.stringify({ type: 'FeatureCollection', features }));
    },
  };
}
