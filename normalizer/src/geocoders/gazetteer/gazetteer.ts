import type { AddressSuggestion, Area } from '@intake/core';
import convex from '@turf/convex';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { fold } from '../../language.js';
import { nameTokens, parseStreetName, sameStreetType, streetType, type StreetName } from '../../streets.js';
import {
  centroid,
  fitLine,
  hullCandidates,
  localMeters,
  middleAlong,
  principalAxis,
  squaredMeters,
  type LatLong,
  type LatLongColumns,
} from './geometry.js';
import { GrowingColumn } from './columns.js';
import { readOpenAddresses, type AddressRow, type ReadReport } from './read.js';
import { SlipIndex } from '../../slips.js';

/** One address point, as written in the data ("211", "211A"); made on request from the gazetteer's columns. */
export interface AddressPoint extends LatLong {
  id: number;
  number: string;
  unit: string | null;
  street: Street;
}

export interface Street {
  name: StreetName;
  /** its points, by id */
  ids: number[];
  /** the ids of its numbered points (numbers above 0), ordered by numeric value */
  numbered: number[];
  /** a point on the street that stands for all of it: the address point halfway along it */
  representative: LatLong;
  /** its extent: [minLong, minLat, maxLong, maxLat] */
  bounds: [number, number, number, number];
}

/** Where two streets meet, and how far apart their closest lots are there (the smaller, the surer). */
export interface Crossing extends LatLong {
  gap: number;
}

export interface StreetMatch {
  streets: Street[];
  /** found by spelling tolerance, not exactly */
  fuzzy: boolean;
  /** the type or direction written does not fit the street found ("Bear Ave" for Bear Street) */
  mismatch: boolean;
}

export const foldNumber = (number: string) => fold(number).replace(/[^\p{L}\p{N}]/gu, '');
const numericValue = (number: string) => Number.parseInt(number, 10) || 0;

/**
 * The town's address points, indexed once per process. Points are kept in columns (a city has a million of them):
 * streets by name, by first letter for spelling slips and in order for completions, numbers in order on each street,
 * all points in a k-d tree by place.
 */
export class Gazetteer {
  readonly streets = new Map<string, Street>();
  /** what reading the file found: rows kept and rows skipped */
  readonly report: ReadReport;
  private readonly lat: Float64Array;
  private readonly long: Float64Array;
  /** each point's street, as its place in `streetList` */
  private readonly streetOf: Uint32Array;
  private readonly streetList: Street[] = [];
  private readonly number: string[] = [];
  private readonly value: Float64Array;
  private readonly units = new Map<number, string>();
  private readonly byCore = new Map<string, Street[]>();
  /** the cores, for spelling slips */
  private readonly slips = new SlipIndex();
  /** street keys in order, for completions by prefix */
  private readonly ordered: Street[];
  private readonly index: KDBush<number>;
  private readonly intersections = new Map<string, Crossing | null>();

  private constructor(feed: (add: (row: AddressRow) => void) => ReadReport) {
    const loading = new Loading();
    this.report = feed((row) => this.add(row, loading));
    [this.lat, this.long, this.value, this.streetOf] = [loading.lat, loading.long, loading.value, loading.streetOf].map((column) =>
      column.finish(),
    ) as [Float64Array, Float64Array, Float64Array, Uint32Array];
    for (const street of this.streets.values()) this.finishStreet(street);
    for (const list of this.byCore.values()) list.sort((a, b) => b.ids.length - a.ids.length);
    this.ordered = [...this.streets.values()].sort((a, b) => (a.name.key < b.name.key ? -1 : a.name.key > b.name.key ? 1 : 0));
    this.index = this.kdTree(this.allIds());
  }

  static fromFile(file: string): Gazetteer {
    return new Gazetteer((add) => readOpenAddresses(file, add));
  }

  static fromRows(rows: Iterable<AddressRow>): Gazetteer {
    return new Gazetteer((add) => {
      let count = 0;
      for (const row of rows) {
        add(row);
        count++;
      }
      return { rows: count, skipped: 0 };
    });
  }

  private add(row: AddressRow, loading: Loading) {
    // A file lists a street's points together: the row before names the same street more often than not.
    if (row.street !== loading.lastStreet) {
      loading.lastStreet = row.street;
      loading.lastPlace = this.streetPlace(row, loading);
    }
    const place = loading.lastPlace;
    if (place === null) return;
    const street = this.streetList[place]!;
    const number = row.number.trim();
    // The same few thousand numbers recur on every street: each is kept once.
    let kept = loading.numbers.get(number);
    if (kept === undefined) loading.numbers.set(number, (kept = number));
    const id = loading.lat.length;
    const value = numericValue(number);
    loading.lat.push(row.lat);
    loading.long.push(row.long);
    loading.streetOf.push(place);
    loading.value.push(value);
    this.number.push(kept);
    if (row.unit !== null) this.units.set(id, row.unit);
    street.ids.push(id);
    const bounds = street.bounds;
    bounds[0] = Math.min(bounds[0], row.long);
    bounds[1] = Math.min(bounds[1], row.lat);
    bounds[2] = Math.max(bounds[2], row.long);
    bounds[3] = Math.max(bounds[3], row.lat);
    // "0" marks a parcel with no address (a right of way, a utility site): part of the street, never an address.
    if (value > 0) street.numbered.push(id);
  }

  /** The place in `streetList` of the street a row names, made on its first point; null for a name not a street. */
  private streetPlace(row: AddressRow, loading: Loading): number | null {
    let name = loading.names.get(row.street);
    if (name === undefined) loading.names.set(row.street, (name = parseStreetName(row.street)));
    if (name === null) return null;
    let street = this.streets.get(name.key);
    if (!street) {
      street = { name, ids: [], numbered: [], representative: row, bounds: [row.long, row.lat, row.long, row.lat] };
      this.streets.set(name.key, street);
      this.streetList.push(street);
      loading.places.set(street, this.streetList.length - 1);
    }
    return loading.places.get(street)!;
  }

  private allIds(): Uint32Array {
    const ids = new Uint32Array(this.size);
    for (let id = 0; id < ids.length; id++) ids[id] = id;
    return ids;
  }

  private finishStreet(street: Street) {
    street.numbered.sort((a, b) => this.value[a]! - this.value[b]!);
    // A building's units share its point: counted once each, they would pull the middle towards the big buildings.
    const lots = street.numbered.filter((id) => !this.units.has(id));
    street.representative = middleAlong(this.columns([lots, street.numbered, street.ids].find((ids) => ids.length > 0)!));
    const sameCore = this.byCore.get(street.name.core) ?? [];
    if (sameCore.length === 0) this.slips.add(street.name.core);
    sameCore.push(street);
    this.byCore.set(street.name.core, sameCore);
  }

  /** geokdbush 1 reads a falsy item as a tree node, so the tree holds each id plus one (see `nearestIn`). */
  private kdTree(ids: ArrayLike<number>): KDBush<number> {
    return new KDBush(
      Uint32Array.from(ids, (id) => id + 1) as unknown as number[],
      (item) => this.long[item - 1]!,
      (item) => this.lat[item - 1]!,
    );
  }

  private nearestIn(index: KDBush<number>, point: LatLong, maxMeters: number): number | null {
    const [item] = around(index, point.long, point.lat, 1, maxMeters / 1000);
    return item === undefined ? null : item - 1;
  }

  get size(): number {
    return this.lat.length;
  }

  point(id: number): AddressPoint {
    return {
      id,
      lat: this.lat[id]!,
      long: this.long[id]!,
      number: this.number[id]!,
      unit: this.units.get(id) ?? null,
      street: this.streetList[this.streetOf[id]!]!,
    };
  }

  /** The places of points, as columns. */
  private columns(ids: readonly number[]): LatLongColumns {
    const [lat, long] = [new Float64Array(ids.length), new Float64Array(ids.length)];
    for (let i = 0; i < ids.length; i++) {
      lat[i] = this.lat[ids[i]!]!;
      long[i] = this.long[ids[i]!]!;
    }
    return { lat, long };
  }

  locations(ids: readonly number[]): LatLong[] {
    return ids.map((id) => ({ lat: this.lat[id]!, long: this.long[id]! }));
  }

  points(street: Street): AddressPoint[] {
    return street.ids.map((id) => this.point(id));
  }

  /** The points numbered exactly so on a street ("211A" is not "211"). */
  numberedPoints(street: Street, number: string): AddressPoint[] {
    const wanted = foldNumber(number);
    const value = numericValue(number);
    const found: AddressPoint[] = [];
    for (let i = this.firstAtLeast(street, value); i < street.numbered.length && this.value[street.numbered[i]!] === value; i++) {
      const id = street.numbered[i]!;
      if (foldNumber(this.number[id]!) === wanted) found.push(this.point(id));
    }
    return found;
  }

  /** Numbered points with values in [from, to), in numeric order. */
  numberedBetween(street: Street, from: number, to: number): AddressPoint[] {
    const found: AddressPoint[] = [];
    for (let i = this.firstAtLeast(street, from); i < street.numbered.length && this.value[street.numbered[i]!]! < to; i++)
      found.push(this.point(street.numbered[i]!));
    return found;
  }

  /** The nearest numbered points below and above a value on the same side of the street (same parity). */
  sameSideNeighbours(street: Street, value: number): { below: AddressPoint | null; above: AddressPoint | null } {
    const start = this.firstAtLeast(street, value);
    const sameSide = (i: number) => this.value[street.numbered[i]!]! % 2 === value % 2;
    let below: AddressPoint | null = null;
    let above: AddressPoint | null = null;
    for (let i = start - 1; i >= 0 && below === null; i--) if (sameSide(i)) below = this.point(street.numbered[i]!);
    for (let i = start; i < street.numbered.length && above === null; i++)
      if (sameSide(i) && this.value[street.numbered[i]!]! > value) above = this.point(street.numbered[i]!);
    return { below, above };
  }

  /** The first position on the street's numbered list whose value is at least `value`. */
  private firstAtLeast(street: Street, value: number): number {
    let [low, high] = [0, street.numbered.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.value[street.numbered[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
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
      (name.type === null || sameStreetType(street.name.type, name.type)) &&
      (name.direction === null || street.name.direction === name.direction);
    // a name written without a direction is first the street that has none: "425 Main" is Main Street, then South Main
    const undirectedFirst = (streets: Street[]) =>
      name.direction === null
        ? [...streets].sort((a, b) => Number(a.name.direction !== null) - Number(b.name.direction !== null))
        : streets;
    const sameCore = this.byCore.get(name.core);
    if (sameCore) {
      const fitting = undirectedFirst(sameCore.filter(fits));
      return fitting.length > 0 ? { streets: fitting, fuzzy: false, mismatch: false } : { streets: sameCore, fuzzy: false, mismatch: true };
    }
    const near = this.slips.slipsOf(name.core).flatMap((core) => this.byCore.get(core)!);
    if (near.length === 0) return null;
    const fitting = near.filter(fits);
    return { streets: fitting.length > 0 ? fitting : near, fuzzy: true, mismatch: fitting.length === 0 };
  }

  /** The nearest address point within maxMeters. */
  nearest(point: LatLong, maxMeters: number): AddressPoint | null {
    const id = this.nearestIn(this.index, point, maxMeters);
    return id === null ? null : this.point(id);
  }

  /**
   * Where two streets meet: the midpoint of their closest pair of address points, the two lots that flank the corner.
   * Lines fitted through each street's points only rule out streets that run side by side (back-to-back lots come
   * close without the streets ever meeting). Null when the streets do not come close.
   */
  intersection(a: Street, b: Street, maxGapMeters = 160): Crossing | null {
    const key = [a.name.key, b.name.key].sort().join('|');
    if (!this.intersections.has(key)) this.intersections.set(key, this.computeIntersection(a, b, maxGapMeters));
    return this.intersections.get(key) ?? null;
  }

  private computeIntersection(a: Street, b: Street, maxGapMeters: number): Crossing | null {
    const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
    const addressed = (street: Street) => (street.numbered.length > 0 ? street.numbered : street.ids);
    const onLarge = this.cellsNear(addressed(large), small.bounds, maxGapMeters);
    const near = nearBounds(large.bounds, maxGapMeters);
    const pairs: { p: AddressPoint; q: AddressPoint; gap: number }[] = [];
    for (const id of addressed(small)) {
      if (!near(this.lat[id]!, this.long[id]!)) continue;
      const other = onLarge.nearest(this.lat[id]!, this.long[id]!);
      if (other === null) continue;
      const [p, q] = [this.point(id), this.point(other)];
      pairs.push({ p, q, gap: Math.sqrt(squaredMeters(p, q)) });
    }
    if (pairs.length === 0) return null;
    const closest = pairs.reduce((best, pair) => (pair.gap < best.gap ? pair : best));
    // Every corner lot of the crossing, not only the closest pair: on a grid with lots on all four corners, their
    // middle is the crossing itself; with one corner built, it is the midpoint of the two closest lots.
    const corners = new Map(
      pairs
        .filter((pair) => pair.gap <= closest.gap + CORNER_SLACK_M)
        .flatMap((pair) => [
          [pair.p.id, pair.p],
          [pair.q.id, pair.q],
        ]),
    );
    const corner = centroid([...corners.values()]);
    // Side by side, they meet only where one of them ends against the other (a T, or a merge at a bend).
    const meets = !this.runSideBySide(a, b, corner) || (closest.gap <= MAX_END_GAP_M && (this.endsAt(closest.p) || this.endsAt(closest.q)));
    return meets ? { ...corner, gap: closest.gap } : null;
  }

  /**
   * A street's points near a box, in square cells as wide as the gap looked for: the nearest of them to a point is in
   * the point's cell or one beside it. Cheaper than a tree for the few dozen points by a corner, and nothing to keep.
   */
  private cellsNear(ids: readonly number[], bounds: Street['bounds'], maxMeters: number) {
    const near = nearBounds(bounds, maxMeters);
    const projection = localMeters({ lat: bounds[1], long: bounds[0] });
    const cellOf = (x: number, y: number) => `${Math.floor(x / maxMeters)}:${Math.floor(y / maxMeters)}`;
    const cells = new Map<string, { id: number; x: number; y: number }[]>();
    for (const id of ids) {
      if (!near(this.lat[id]!, this.long[id]!)) continue;
      const { x, y } = projection.toXY({ lat: this.lat[id]!, long: this.long[id]! });
      const key = cellOf(x, y);
      const cell = cells.get(key);
      if (cell) cell.push({ id, x, y });
      else cells.set(key, [{ id, x, y }]);
    }
    return {
      nearest: (lat: number, long: number): number | null => {
        const { x, y } = projection.toXY({ lat, long });
        const [cx, cy] = [Math.floor(x / maxMeters), Math.floor(y / maxMeters)];
        const cellAt = (dx: number, dy: number) => cells.get(`${cx + dx}:${cy + dy}`) ?? [];
        let best: number | null = null;
        // the gap itself included, as a search within a radius includes it
        let bestSquared = maxMeters * maxMeters * (1 + 1e-9);
        for (let dx = -1; dx <= 1; dx++)
          for (let dy = -1; dy <= 1; dy++)
            for (const point of cellAt(dx, dy)) {
              const squared = (point.x - x) ** 2 + (point.y - y) ** 2;
              if (squared < bestSquared) [best, bestSquared] = [point.id, squared];
            }
        return best;
      },
    };
  }

  /** Whether a point is at one end of its street, along the line that best fits the street. */
  private endsAt(point: AddressPoint): boolean {
    const { ids } = point.street;
    if (ids.length <= 2 * (END_POINTS + 1)) return true;
    const projection = localMeters(point);
    const { xs, ys } = projection.toXYColumns(this.columns(ids));
    const axis = principalAxis({ xs, ys });
    const along = (x: number, y: number) => x * axis.dx + y * axis.dy;
    const { x, y } = projection.toXY(point);
    const here = along(x, y);
    const before = xs.filter((x, i) => along(x, ys[i]!) < here).length;
    return Math.min(before, ids.length - 1 - before) <= END_POINTS;
  }

  /** Whether the two streets run side by side near a place, judged from lines fitted through their points there. */
  private runSideBySide(a: Street, b: Street, corner: LatLong): boolean {
    const projection = localMeters(corner);
    const nearby = (street: Street) => {
      const all = Array.from(street.ids, (id) => {
        const { x, y } = projection.toXY({ lat: this.lat[id]!, long: this.long[id]! });
        return { x, y, d: x * x + y * y };
      });
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

  /** The convex hull of all points: the town's extent when the config gives no boundary. */
  hull(): Area | null {
    if (this.size < 3) return null;
    const features = hullCandidates(this.lat, this.long).map((p) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [p.long, p.lat] },
    }));
    return convex({ type: 'FeatureCollection', features }) as Area | null;
  }

  /** Completions for a typed address: "211 Be" -> "211 Bear Street", "Bea" -> "Bear Street". */
  suggest(query: string, limit: number): AddressSuggestion[] {
    const tokens = nameTokens(query);
    if (tokens.length === 0 || limit <= 0) return [];
    const numberPrefix = /^\d/.test(tokens[0]!) ? tokens.shift()! : null;
    const streets = this.streetsStartingWith(tokens);
    if (numberPrefix === null) {
      return streets
        .sort((a, b) => b.ids.length - a.ids.length)
        .slice(0, limit)
        .map((street) => ({ label: street.name.display, ...street.representative }));
    }
    return this.numbersStartingWith(streets, numberPrefix, limit).map(({ street, points }) => ({
      label: `${points[0]!.number} ${street.name.display}`,
      ...centroid(points),
    }));
  }

  /** Streets whose words begin with the typed words, found by binary search on the ordered keys. */
  private streetsStartingWith(typed: readonly string[]): Street[] {
    if (typed.length === 0) return this.ordered.slice();
    const first = typed[0]!;
    let [low, high] = [0, this.ordered.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ordered[middle]!.name.key < first) low = middle + 1;
      else high = middle;
    }
    const found: Street[] = [];
    for (let i = low; i < this.ordered.length && this.ordered[i]!.name.key.startsWith(first); i++) {
      if (streetStartsWith(this.ordered[i]!.name, typed)) found.push(this.ordered[i]!);
    }
    return found;
  }

  /**
   * House numbers that begin with a typed prefix, shortest first: "21" is 21, then 210-219, then 2100-2199, each a
   * range of values found by binary search on every street's ordered numbers. Stops at the first length that fills
   * the list.
   */
  private numbersStartingWith(streets: readonly Street[], prefix: string, limit: number) {
    const start = numericValue(prefix);
    const digitsOnly = /^\d+$/.test(prefix);
    const matches: { number: string; street: Street; points: AddressPoint[] }[] = [];
    const highest = Math.max(0, ...streets.map((street) => this.value[street.numbered.at(-1) ?? -1] ?? 0));
    for (let scale = 1, digits = prefix.length; matches.length < limit && start * scale <= highest; scale *= 10, digits++) {
      const level: typeof matches = [];
      // the best a number of this level can be: the prefix itself, else as short as the level allows
      const best = (number: string) => (scale === 1 ? number === prefix : number.length === digits);
      let bestFound = 0;
      for (const street of streets) {
        // streets come in the order of their names: once enough of the best are found, later streets come after them
        if (bestFound >= limit - matches.length) break;
        const inRange = this.numberedBetween(street, start * scale, (start + 1) * scale);
        if (inRange.length === 0) continue;
        const byNumber = new Map<string, AddressPoint[]>();
        for (const point of inRange) {
          const folded = foldNumber(point.number);
          if (folded.startsWith(prefix)) byNumber.set(folded, [...(byNumber.get(folded) ?? []), point]);
        }
        for (const [number, points] of byNumber) {
          level.push({ number, street, points });
          if (best(number)) bestFound++;
        }
      }
      // stable: within a length, streets stay in the order of their names and numbers in numeric order
      level.sort((a, b) => Number(b.number === prefix) - Number(a.number === prefix) || a.number.length - b.number.length);
      matches.push(...level);
      if (!digitsOnly) break;
    }
    return matches.slice(0, limit);
  }
}

/** What a load keeps while rows come in: the growing columns, and names already read. */
class Loading {
  readonly lat = new GrowingColumn((capacity) => new Float64Array(capacity));
  readonly long = new GrowingColumn((capacity) => new Float64Array(capacity));
  readonly value = new GrowingColumn((capacity) => new Float64Array(capacity));
  readonly streetOf = new GrowingColumn((capacity) => new Uint32Array(capacity));
  readonly names = new Map<string, StreetName | null>();
  readonly numbers = new Map<string, string>();
  readonly places = new Map<Street, number>();
  lastStreet: string | null = null;
  lastPlace: number | null = null;
}

/** Each typed word starts the street's word in the same place; a complete abbreviation ("st") stands for its type. */
function streetStartsWith(name: StreetName, typed: readonly string[]): boolean {
  // one word typed: the key starting with it, as the ordered search already found, is all there is to it
  if (typed.length <= 1) return true;
  const words = name.key.split(' ');
  if (typed.length > words.length) return false;
  return typed.every((token, i) => words[i]!.startsWith(token) || (i > 0 && streetType(token) === words[i]));
}

/** Whether a point lies within a margin of a box [minLong, minLat, maxLong, maxLat]. */
function nearBounds([minLong, minLat, maxLong, maxLat]: readonly number[], marginMeters: number) {
  const dLat = marginMeters / 110_574;
  const dLong = marginMeters / (111_320 * Math.cos((((minLat! + maxLat!) / 2) * Math.PI) / 180));
  return (lat: number, long: number) =>
    lat >= minLat! - dLat && lat <= maxLat! + dLat && long >= minLong! - dLong && long <= maxLong! + dLong;
}

/** Pairs of lots as close as the closest one, give or take the data's precision, flank the same crossing. */
const CORNER_SLACK_M = 2;
/** Where side-by-side streets meet, the end of one nearly touches the other. */
const MAX_END_GAP_M = 60;
/** A street ends at a point when no more than this many of its points lie beyond it along the street. */
const END_POINTS = 1;
/** Enough of each street around the corner to see which way it runs, looking further out where addresses are sparse. */
const LINE_POINTS = 60;
const LINE_RADII_M = [250, 500, 1000];
const MIN_LINE_POINTS = 4;
/** Below this sine of the angle between them (about 17 degrees) two streets run side by side. */
const PARALLEL_SINE = 0.3;
