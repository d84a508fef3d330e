import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface AddressRow {
  lat: number;
  long: number;
  number: string;
  street: string;
  unit: string | null;
}

/** What reading a file found: the rows kept and the rows that could not be read (no street, no valid point). */
export interface ReadReport {
  rows: number;
  skipped: number;
}

const REQUIRED_COLUMNS = ['LON', 'LAT', 'STREET'] as const;

/**
 * Reads an OpenAddresses CSV (LON, LAT, NUMBER, STREET, UNIT, ...), handing each readable row to `onRow` as it goes
 * so a city's million rows are never all held at once. Line endings may change part way (files assembled from
 * several exports do): they are made one before parsing.
 */
export function readOpenAddresses(file: string, onRow: (row: AddressRow) => void): ReadReport {
  const text = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const report: ReadReport = { rows: 0, skipped: 0 };
  let columns: Record<string, number> | null = null;
  Papa.parse<string[]>(text, {
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: ({ data, errors }) => {
      if (columns === null) {
        columns = columnIndex(file, data);
        return;
      }
      const row = errors.length > 0 ? null : addressRow(data, columns);
      if (row === null) report.skipped++;
      else {
        report.rows++;
        onRow(row);
      }
    },
  });
  return report;
}

function columnIndex(file: string, header: readonly string[]): Record<string, number> {
  const columns = Object.fromEntries(header.map((name, i) => [name.trim().toUpperCase(), i]));
  if (!REQUIRED_COLUMNS.every((column) => column in columns)) {
    throw new Error(`${file}: not an OpenAddresses CSV (needs LON, LAT, NUMBER, STREET columns)`);
  }
  return columns;
}

function addressRow(fields: readonly string[], columns: Record<string, number>): AddressRow | null {
  const field = (name: string) => (columns[name] === undefined ? '' : (fields[columns[name]] ?? '').trim());
  const lat = Number.parseFloat(field('LAT'));
  const long = Number.parseFloat(field('LON'));
  const street = field('STREET');
  if (street === '' || !(Math.abs(lat) <= 90) || !(Math.abs(long) <= 180)) return null;
  return { lat, long, number: field('NUMBER'), street, unit: field('UNIT') || null };
}
