import { readFileSync } from 'node:fs';
import type { AddressSuggestion, Area } from '@intake/core';
import convex from '@turf/convex';
import { parse } from 'csv-parse/sync';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { isTypoOf } from '../../fuzzy.js';
import { fold } from '../../language.js';
import { nameTokens, parseStreetName, sameStreetType, streetType, type StreetName } from '../../streets.js';

export interface LatLong {
  lat: number;
  long: number;
}

export interface AddressPoint extends LatLong {
  /** as written in the data: "211", "211A" */
  number: string;
  unit: string | null;
  street: Street;
}

export interface Street {
  name: StreetName;
  points: AddressPoint[];
  /** folded house number -> its points (a number can have several buildings) */
  byNumber: Map<string, AddressPoint[]>;
  /** numbered points by numeric value, for ranges and interpolation */
  numbered: { value: number; point: AddressPoint }[];
  /** a point on the street that stands for all of it: the address point nearest the centroid */
  representative: LatLong;
}

export interface AddressRow {
  lat: number;
  long: number;
  number: string;
  street: string;
  unit: string | null;
}

export interface StreetMatch {
  streets: Street[];
  /** found by spelling tolerance, not exactly */
  fuzzy: boolean;
  /** the type or direction written does not fit the street found ("Bear Ave" for Bear Street) */
  mismatch: boolean;
}

export const foldNumber = (number: string) => fold(number).replace(/[^\p{L}\p{N}]/gu, '');
const numericValue = (number: string) => Number.parseInt(number, 10);

export const centroid = (points: readonly LatLong[]): LatLong => ({
  lat: points.reduce((sum, p) => sum + p.lat, 0) / points.length,
  long: points.reduce((sum, p) => sum + p.long, 0) / points.length,
});

/** Metres on a local flat projection: accurate to well under a metre across a town, and cheap. */
export function localMeters(origin: LatLong) {
  const kx = 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  const ky = 110_574;
  return {
    toXY: (p: LatLong) => ({ x: (p.long - origin.long) * kx, y: (p.lat - origin.lat) * ky }),
    toLatLong: (x: number, y: number): LatLong => ({ lat: origin.lat + y / ky, long: origin.long + x / kx }),
  };
}

const squaredMeters = (a: LatLong, b: LatLong) => {
  const kx = 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return ((a.long - b.long) * kx) ** 2 + ((a.lat - b.lat) * 110_574) ** 2;
};

/**
 * The middle point of a street (or a block): its points ordered along the line that best fits them, and the one in
 * the middle taken. It is a real address on the street, halfway along it, even when the street bends.
 */
export function middleAlong(points: readonly LatLong[]): LatLong {
  const projection = localMeters(centroid(points));
  const xy = points.map((point) => ({ point, ...projection.toXY(point) }));
  const axis = principalAxis(xy);
  const along = xy.map(({ point, x, y }) => ({ point, t: x * axis.dx + y * axis.dy })).sort((a, b) => a.t - b.t);
  const { point } = along[Math.floor((along.length - 1) / 2)]!;
  return { lat: point.lat, long: point.long };
}

/** Reads an OpenAddresses CSV (LON, LAT, NUMBER, STREET, UNIT, ...); rows without a street or a valid point are skipped. */
export function readOpenAddresses(file: string): AddressRow[] {
  const records = parse(readFileSync(file), { columns: (header: string[]) => header.map((h) => h.trim().toUpperCase()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string | undefined>[];
  const first = records[0];
  if (first !== undefined && !['LON', 'LAT', 'STREET'].every((column) => column in first)) {
    throw new Error(`${file}: not an OpenAddresses CSV (needs LON, LAT, NUMBER, STREET columns)`);
  }
  const rows: AddressRow[] = [];
  for (const record of records) {
    const lat = Number(record.LAT);
    const long = Number(record.LON);
    const street = record.STREET ?? '';
    if (street === '' || !Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) continue;
    rows.push({ lat, long, number: record.NUMBER ?? '', street, unit: record.UNIT || null });
  }
  return rows;
}

/** The town's address points, indexed once per process: streets by name, points by number, all points by place. */
export class Gazetteer {
  readonly streets = new Map<string, Street>();
  private readonly byCore = new Map<string, Street[]>();
  private readonly points: AddressPoint[] = [];
  private readonly index: KDBush<AddressPoint>;
  private readonly intersections = new Map<string, LatLong | null>();

  constructor(rows: readonly AddressRow[]) {
    for (const row of rows) this.add(row);
    for (const street of this.streets.values()) {
      street.numbered.sort((a, b) => a.value - b.value);
      street.representative = middleAlong(street.numbered.length > 0 ? street.numbered.map((entry) => entry.point) : street.points);
      const sameCore = this.byCore.get(street.name.core) ?? [];
      sameCore.push(street);
      this.byCore.set(street.name.core, sameCore);
    }
    for (const list of this.byCore.values()) list.sort((a, b) => b.points.length - a.points.length);
    this.index = new KDBush(this.points, (p) => p.long, (p) => p.lat);
  }

  static fromFile(file: string): Gazetteer {
    return new Gazetteer(readOpenAddresses(file));
  }

  private add(row: AddressRow) {
    const name = parseStreetName(row.street);
    if (name === null) return;
    let street = this.streets.get(name.key);
    if (!street) {
      street = { name, points: [], byNumber: new Map(), numbered: [], representative: { lat: row.lat, long: row.long } };
      this.streets.set(name.key, street);
    }
    const point: AddressPoint = { lat: row.lat, long: row.long, number: row.number.trim(), unit: row.unit, street };
    street.points.push(point);
    this.points.push(point);
    const value = numericValue(point.number);
    // "0" marks a parcel with no address (a right of way, a utility site): part of the street, never an address.
    if (!(value > 0)) return;
    const key = foldNumber(point.number);
    street.byNumber.set(key, [...(street.byNumber.get(key) ?? []), point]);
    street.numbered.push({ value, point });
  }

  get size(): number {
    return this.points.length;
  }

  streetNames(): StreetName[] {
    return [...this.streets.values()].map((street) => street.name);
  }

  /** The streets a typed name can mean, best first: exact name, same name with another type, then a slip of the pen. */
  findStreets(typed: string): StreetMatch | null {
    const name = parseStreetName(typed);
    if (name === null) return null;
    const exact = this.streets.get(name.key);
    if (exact) return { streets: [exact], fuzzy: false, mismatch: false };
    const fits = (street: Street) =>
      (name.type === null || sameStreetType(street.name.type, name.type)) && (name.direction === null || street.name.direction === name.direction);
    const sameCore = this.byCore.get(name.core);
    if (sameCore) {
      const fitting = sameCore.filter(fits);
      return fitting.length > 0 ? { streets: fitting, fuzzy: false, mismatch: false } : { streets: sameCore, fuzzy: false, mismatch: true };
    }
    const near = [...this.byCore.entries()].filter(([core]) => isTypoOf(name.core, core)).flatMap(([, streets]) => streets);
    if (near.length === 0) return null;
    const fitting = near.filter(fits);
    return { streets: fitting.length > 0 ? fitting : near, fuzzy: true, mismatch: fitting.length === 0 };
  }

  /** The nearest address point within maxMeters. */
  nearest(point: LatLong, maxMeters: number): AddressPoint | null {
    return around(this.index, point.long, point.lat, 1, maxMeters / 1000)[0] ?? null;
  }

  /**
   * Where two streets meet: the midpoint of their closest pair of address points, the two lots that flank the corner.
   * Lines fitted through each street's points only rule out streets that run side by side (back-to-back lots come
   * close without the streets ever meeting). Null when the streets do not come close.
   */
  intersection(a: Street, b: Street, maxGapMeters = 160): LatLong | null {
    const key = [a.name.key, b.name.key].sort().join('|');
    if (!this.intersections.has(key)) this.intersections.set(key, this.computeIntersection(a, b, maxGapMeters));
    return this.intersections.get(key) ?? null;
  }

  private computeIntersection(a: Street, b: Street, maxGapMeters: number): LatLong | null {
    const [small, large] = a.points.length <= b.points.length ? [a, b] : [b, a];
    const addressed = (street: Street) => (street.numbered.length > 0 ? street.numbered.map((entry) => entry.point) : street.points);
    const onLarge = new Set(addressed(large));
    const pairs: { p: AddressPoint; q: AddressPoint; gap: number }[] = [];
    for (const p of addressed(small)) {
      const q = around(this.index, p.long, p.lat, 1, maxGapMeters / 1000, (candidate: AddressPoint) => onLarge.has(candidate))[0];
      if (q !== undefined) pairs.push({ p, q, gap: Math.sqrt(squaredMeters(p, q)) });
    }
    if (pairs.length === 0) return null;
    const closest = pairs.reduce((best, pair) => (pair.gap < best.gap ? pair : best));
    // Every corner lot of the crossing, not only the closest pair: on a grid with lots on all four corners, their
    // middle is the crossing itself; with one corner built, it is the midpoint of the two closest lots.
    const corners = new Set(pairs.filter((pair) => pair.gap <= closest.gap + CORNER_SLACK_M).flatMap((pair) => [pair.p, pair.q]));
    const corner = centroid([...corners]);
    // Side by side, they meet only where one of them ends against the other (a T, or a merge at a bend).
    const meets = !runSideBySide(a, b, corner) || (closest.gap <= MAX_END_GAP_M && (endsAt(closest.p) || endsAt(closest.q)));
    return meets ? corner : null;
  }

  /** The convex hull of all points: the town's extent when the config gives no boundary. */
  hull(): Area | null {
    if (this.points.length < 3) return null;
    const features = this.points.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [p.long, p.lat] } }));
    return convex({ type: 'FeatureCollection', features }) as Area | null;
  }

  /** Completions for a typed address: "211 Be" -> "211 Bear Street", "Bea" -> "Bear Street". */
  suggest(query: string, limit: number): AddressSuggestion[] {
    const tokens = nameTokens(query);
    if (tokens.length === 0 || limit <= 0) return [];
    const numberPrefix = /^\d/.test(tokens[0]!) ? tokens.shift()! : null;
    const streets = [...this.streets.values()].filter((street) => streetStartsWith(street.name, tokens));
    const suggestions: AddressSuggestion[] = [];
    if (numberPrefix === null) {
      streets.sort((a, b) => b.points.length - a.points.length);
      for (const street of streets.slice(0, limit)) suggestions.push({ label: street.name.display, ...street.representative });
      return suggestions;
    }
    const matches = streets.flatMap((street) =>
      [...street.byNumber.entries()].filter(([number]) => number.startsWith(numberPrefix)).map(([number, points]) => ({ number, street, points })),
    );
    matches.sort((a, b) => Number(b.number === numberPrefix) - Number(a.number === numberPrefix) || a.number.length - b.number.length || a.street.name.display.localeCompare(b.street.name.display) || numericValue(a.number) - numericValue(b.number));
    for (const { street, points } of matches.slice(0, limit)) {
      suggestions.push({ label: `${points[0]!.number} ${street.name.display}`, ...centroid(points) });
    }
    return suggestions;
  }
}

/** Each typed word starts the street's word in the same place; a complete abbreviation ("st") stands for its type. */
function streetStartsWith(name: StreetName, typed: readonly string[]): boolean {
  if (typed.length === 0) return true;
  const words = name.key.split(' ');
  if (typed.length > words.length) return false;
  return typed.every((token, i) => words[i]!.startsWith(token) || (i > 0 && streetType(token) === words[i]));
}

interface Line {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/** The direction in which points spread most, and how much they spread along it (major) and across it (minor). */
function principalAxis(points: readonly { x: number; y: number }[]): Line & { major: number; minor: number } {
  const x = points.reduce((s, p) => s + p.x, 0) / points.length;
  const y = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - x) ** 2;
    syy += (p.y - y) ** 2;
    sxy += (p.x - x) * (p.y - y);
  }
  const trace = sxx + syy;
  const root = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy ** 2);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { x, y, dx: Math.cos(angle), dy: Math.sin(angle), major: trace / 2 + root, minor: trace / 2 - root };
}

/** The principal axis of a street's points near a place, when they clearly run one way. */
function fitLine(points: readonly { x: number; y: number }[]): Line | null {
  if (points.length < 3) return null;
  const axis = principalAxis(points);
  // Points on both sides of a short stretch can spread as much across the street as along it: no direction then.
  return axis.major < 4 * Math.max(axis.minor, 1) ? null : axis;
}

/** Pairs of lots as close as the closest one, give or take the data's precision, flank the same crossing. */
const CORNER_SLACK_M = 2;
/** Where side-by-side streets meet, the end of one nearly touches the other. */
const MAX_END_GAP_M = 60;
/** A street ends at a point when no more than this many of its points lie beyond it along the street. */
const END_POINTS = 1;

/** Whether a point is at one end of its street, along the line that best fits the street. */
function endsAt(point: AddressPoint): boolean {
  const { points } = point.street;
  if (points.length <= 2 * (END_POINTS + 1)) return true;
  const projection = localMeters(point);
  const xy = points.map(projection.toXY);
  const axis = principalAxis(xy);
  const along = (p: { x: number; y: number }) => p.x * axis.dx + p.y * axis.dy;
  const here = along(projection.toXY(point));
  const before = xy.filter((p) => along(p) < here).length;
  return Math.min(before, points.length - 1 - before) <= END_POINTS;
}

/** Enough of each street around the corner to see which way it runs, looking further out where addresses are sparse. */
const LINE_POINTS = 60;
const LINE_RADII_M = [250, 500, 1000];
const MIN_LINE_POINTS = 4;
/** Below this sine of the angle between them (about 17 degrees) two streets run side by side. */
const PARALLEL_SINE = 0.3;

/** Whether the two streets run side by side near a place, judged from lines fitted through their points there. */
function runSideBySide(a: Street, b: Street, corner: LatLong): boolean {
  const projection = localMeters(corner);
  const nearby = (street: Street) => {
    const all = street.points.map(projection.toXY).map((p) => ({ ...p, d: p.x * p.x + p.y * p.y }));
    for (const radius of LINE_RADII_M) {
      const within = all.filter((p) => p.d <= radius ** 2);
      if (within.length >= MIN_LINE_POINTS) return within.sort((p, q) => p.d - q.d).slice(0, LINE_POINTS);
    }
    return [];
  };
  const lineA = fitLine(nearby(a));
  const lineB = fitLine(nearby(b));
  if (!lineA || !lineB) return false;
  return Math.abs(lineA.dx * lineB.dy - lineA.dy * lineB.dx) < PARALLEL_SINE;
}
