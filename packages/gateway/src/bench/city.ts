import { closeSync, openSync, writeSync } from 'node:fs';
import type { AddressRow } from '@intake/normalizer';

export interface LatLong {
  lat: number;
  long: number;
}

/** Metres to degrees around a point. */
export const offset = (center: LatLong, east: number, north: number): LatLong => ({
  lat: center.lat + north / 110_574,
  long: center.long + east / (111_320 * Math.cos((center.lat * Math.PI) / 180)),
});

/** A big city's extent around the town: open requests are spread over it as a city's are. */
export const CITY_SIDE_M = 30_000;

/** Syllables, not words: the street names of a town that does not exist. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'bo', 'su', 'vel', 'dor', 'an', 'pe', 'zu', 'ri', 'mon', 'ta', 'gel'];
export const syntheticName = (i: number) => {
  let name = '';
  for (let n = i + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) name += SYLLABLES[n % SYLLABLES.length];
  return name[0]!.toUpperCase() + name.slice(1);
};

/**
 * The synthetic city is made of districts, each a grid of streets running east-west and north-south that cross one
 * another, laid side by side over the city. Each street has lots on both sides, odd numbers on one and even on the
 * other, every fourth number used so the ones between can be interpolated.
 */
const GRID = 6;
const STREET_SPACING_M = 150;
const LOTS_PER_SIDE = 50;
const LOT_SPACING_M = 15;
const SETBACK_M = 10;
const NUMBER_STEP = 4;
const DISTRICT_GAP_M = 100;
const DISTRICT_SIDE_M = LOTS_PER_SIDE * LOT_SPACING_M + DISTRICT_GAP_M;
const POINTS_PER_STREET = 2 * LOTS_PER_SIDE;
/** The highest number used on a street (odd side 1, 5, ...; even side 2, 6, ...). */
export const LAST_NUMBER = 2 + NUMBER_STEP * (LOTS_PER_SIDE - 1);

/** The town's street types, so the city's streets are named as a town of its country names them. */
export const streetTypes = (rows: readonly AddressRow[]) => [...new Set(rows.map((row) => row.street.split(' ').at(-1)!))];

export interface CityStreet {
  index: number;
  /** as the data writes it: "Kalo Street" */
  name: string;
  district: number;
  /** east-west (true) or north-south */
  eastWest: boolean;
  /** its place among the streets running the same way in its district */
  line: number;
}

/** The city's streets for `size` address points, in the order their rows are written. */
export function cityStreets(size: number, types: readonly string[]): CityStreet[] {
  return Array.from({ length: Math.ceil(size / POINTS_PER_STREET) }, (_, index) => ({
    index,
    name: `${syntheticName(index)} ${types[index % types.length]}`,
    district: Math.floor(index / (2 * GRID)),
    eastWest: index % (2 * GRID) < GRID,
    line: index % GRID,
  }));
}

/** Every pair of streets that cross: in each district, each east-west street with each north-south one. */
export function crossingPairs(streets: readonly CityStreet[]): [CityStreet, CityStreet][] {
  const pairs: [CityStreet, CityStreet][] = [];
  for (const street of streets) {
    if (!street.eastWest) continue;
    const district = streets.slice(street.district * 2 * GRID, (street.district + 1) * 2 * GRID);
    for (const other of district) if (!other.eastWest) pairs.push([street, other]);
  }
  return pairs;
}

function* streetRows(center: LatLong, street: CityStreet, districtsPerSide: number): Generator<AddressRow> {
  const half = (districtsPerSide * DISTRICT_SIDE_M) / 2;
  const originEast = (street.district % districtsPerSide) * DISTRICT_SIDE_M - half;
  const originNorth = Math.floor(street.district / districtsPerSide) * DISTRICT_SIDE_M - half;
  const across = street.line * STREET_SPACING_M;
  for (let lot = 0; lot < LOTS_PER_SIDE; lot += 1) {
    const along = (lot + 0.5) * LOT_SPACING_M;
    for (const side of [1, -1]) {
      const number = String((side === 1 ? 1 : 2) + NUMBER_STEP * lot);
      const [east, north] = street.eastWest ? [along, across + side * SETBACK_M] : [across + side * SETBACK_M, along];
      yield { ...offset(center, originEast + east, originNorth + north), number, street: street.name, unit: null };
    }
  }
}

/** The city's `size` address points, street by street, never all held at once. */
export function* cityRows(center: LatLong, streets: readonly CityStreet[], size: number): Generator<AddressRow> {
  const districtsPerSide = Math.ceil(Math.sqrt(Math.ceil(streets.length / (2 * GRID))));
  let count = 0;
  for (const street of streets) {
    for (const row of streetRows(center, street, districtsPerSide)) {
      if (count++ >= size) return;
      yield row;
    }
  }
}

const WRITE_BATCH = 10_000;

/** Writes rows as an OpenAddresses CSV, as a town downloads it. */
export function writeOpenAddresses(file: string, rows: Iterable<AddressRow>): void {
  const fd = openSync(file, 'w');
  try {
    let lines = ['LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH'];
    const flush = () => {
      writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    };
    for (const row of rows) {
      lines.push(`${row.long.toFixed(7)},${row.lat.toFixed(7)},${row.number},${row.street},${row.unit ?? ''},,,,,,`);
      if (lines.length >= WRITE_BATCH) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}
