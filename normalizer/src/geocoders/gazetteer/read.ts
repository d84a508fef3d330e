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
  const text = oneLineEnding(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const report: ReadReport = { rows: 0, skipped: 0 };
  let columns: Columns | null = null;
  Papa.parse<string[]>(text, {
    // OpenAddresses files are comma-separated: told so, Papa does not guess (which costs as much as the parse)
    delimiter: ',',
    newline: '\n',
    // empty lines are passed over here: Papa's own skipEmptyLines filters an array made for each row
    step: ({ data, errors }) => {
      if (data.length === 1 && data[0] === '') return;
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

/** Most files have one line ending: only those with a carriage return are copied whole to make it one. */
const oneLineEnding = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** Where each column is, -1 for one the file does not have. */
interface Columns {
  long: number;
  lat: number;
  number: number;
  street: number;
  unit: number;
}

function columnIndex(file: string, header: readonly string[]): Columns {
  const names = header.map((name) => name.trim().toUpperCase());
  if (!REQUIRED_COLUMNS.every((column) => names.includes(column))) {
    throw new Error(`${file}: not an OpenAddresses CSV (needs LON, LAT, NUMBER, STREET columns)`);
  }
  const [long, lat, number, street, unit] = ['LON', 'LAT', 'NUMBER', 'STREET', 'UNIT'].map((name) => names.indexOf(name)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { long, lat, number, street, unit };
}

// a function of its own rather than a closure made for each of a million rows
const field = (fields: readonly string[], at: number) => (fields[at] ?? '').trim();

function addressRow(fields: readonly string[], columns: Columns): AddressRow | null {
  const lat = Number.parseFloat(field(fields, columns.lat));
  const long = Number.parseFloat(field(fields, columns.long));
  const street = field(fields, columns.street);
  if (street === '' || !(Math.abs(lat) <= 90) || !(Math.abs(long) <= 180)) return null;
  return { lat, long, number: field(fields, columns.number), street, unit: field(fields, columns.unit) || null };
}
