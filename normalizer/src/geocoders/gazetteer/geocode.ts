import type { AddressQuery, GeocodeResult } from '@intake/core';
import { foldNumber, type Crossing, type Gazetteer, type Street, type StreetMatch } from './gazetteer.js';
import { centroid, latLongColumns, middleAlong, type LatLong } from './geometry.js';

/** How sure each kind of answer is, before spelling slips lower it. */
const CONFIDENCE = {
  exact: 1,
  interpolated: 0.75,
  intersection: 0.9,
  street: 0.8,
  block: 0.85,
  /** the number is not on the street: the street is right, the number likely a slip */
  streetForAddress: 0.45,
} as const;
const FUZZY_FACTOR = 0.9;
const MISMATCH_FACTOR = 0.9;
/** Interpolate only between neighbours this close in numbering: wider gaps hide bends and missing blocks. */
const MAX_INTERPOLATION_SPAN = 40;

type Answer = Omit<GeocodeResult, 'source'>;

const adjust = (answer: Answer | null, match: StreetMatch): Answer | null =>
  answer && {
    ...answer,
    confidence: round(answer.confidence * (match.fuzzy ? FUZZY_FACTOR : 1) * (match.mismatch ? MISMATCH_FACTOR : 1)),
  };
const round = (value: number) => Math.round(value * 1000) / 1000;

const at = (point: LatLong, address: string, precision: Answer['precision'], confidence: number): Answer => ({
  lat: point.lat,
  long: point.long,
  address,
  precision,
  confidence,
});

/** Resolves an extracted query against the gazetteer: exact address, interpolated number, block, street or intersection. */
export function geocodeWithGazetteer(gazetteer: Gazetteer, query: AddressQuery): Answer | null {
  if (query.street === null) return null;
  const match = gazetteer.findStreets(query.street);
  if (match === null) return null;
  switch (query.kind) {
    case 'address':
      return adjust(
        query.number === null ? streetAnswer(match.streets[0]!) : addressAnswer(gazetteer, match.streets, query.number, query.unit),
        match,
      );
    case 'street':
      return adjust(
        query.number === null ? streetAnswer(match.streets[0]!) : blockAnswer(gazetteer, match.streets[0]!, query.number),
        match,
      );
    case 'intersection': {
      if (query.cross_street === null) return null;
      const cross = gazetteer.findStreets(query.cross_street);
      if (cross === null) return null;
      const answer = intersectionAnswer(gazetteer, match.streets, cross.streets);
      return adjust(adjust(answer, match), cross);
    }
    default:
      return null;
  }
}

function streetAnswer(street: Street): Answer {
  return at(street.representative, street.name.display, 'street', CONFIDENCE.street);
}

/**
 * "3-211 Bear St" is unit 3 at 211, but "211-4 Bear St" is 211, unit 4: of a number and a unit both in digits, the
 * reading the street's numbers hold is taken, the unit first as written when both or neither do.
 */
const readings = (number: string, unit: string | null) =>
  unit !== null && /^\d+$/.test(unit) && /^\d+$/.test(number)
    ? [
        { number, unit },
        { number: unit, unit: number },
      ]
    : [{ number, unit }];

function addressAnswer(gazetteer: Gazetteer, streets: readonly Street[], written: string, writtenUnit: string | null): Answer {
  for (const { number, unit } of readings(written, writtenUnit))
    for (const street of streets) {
      const points = gazetteer.numberedPoints(street, number);
      if (points.length === 0) continue;
      const withUnit = unit === null ? [] : points.filter((p) => p.unit !== null && foldNumber(p.unit) === foldNumber(unit));
      const label = `${points[0]!.number} ${street.name.display}${unit === null ? '' : `, Unit ${unit}`}`;
      return at(centroid(withUnit.length > 0 ? withUnit : points), label, 'address', CONFIDENCE.exact);
    }
  for (const { number } of readings(written, writtenUnit))
    for (const street of streets) {
      const point = interpolate(gazetteer, street, Number.parseInt(number, 10));
      if (point) return at(point, `${number} ${street.name.display}`, 'address', CONFIDENCE.interpolated);
    }
  const main = streets[0]!;
  return at(main.representative, main.name.display, 'street', CONFIDENCE.streetForAddress);
}

/** A number missing from the data, placed between its neighbours on the same side of the street. */
function interpolate(gazetteer: Gazetteer, street: Street, value: number): LatLong | null {
  if (!(value > 0)) return null;
  const { below, above } = gazetteer.sameSideNeighbours(street, value);
  if (!below || !above) return null;
  const [low, high] = [Number.parseInt(below.number, 10), Number.parseInt(above.number, 10)];
  if (high - low > MAX_INTERPOLATION_SPAN) return null;
  const share = (value - low) / (high - low);
  return {
    lat: below.lat + share * (above.lat - below.lat),
    long: below.long + share * (above.long - below.long),
  };
}

/** "300 block of Banff Ave": the addresses numbered 300-399 on the street. */
function blockAnswer(gazetteer: Gazetteer, street: Street, number: string): Answer {
  const start = Math.floor(Number.parseInt(number, 10) / 100) * 100;
  const inBlock = gazetteer.numberedBetween(street, start, start + 100);
  if (inBlock.length === 0) return streetAnswer(street);
  return at(middleAlong(latLongColumns(inBlock)), `${start} block of ${street.name.display}`, 'street', CONFIDENCE.block);
}

/**
 * Of all the streets the two names can mean ("Main" is N Main St and S Main St), the pair that truly cross: the one
 * whose lots come closest at the corner.
 */
function intersectionAnswer(gazetteer: Gazetteer, streets: readonly Street[], crosses: readonly Street[]): Answer | null {
  let best: { street: Street; cross: Street; point: Crossing } | null = null;
  for (const street of streets) {
    for (const cross of crosses) {
      if (street === cross) continue;
      const point = gazetteer.intersection(street, cross);
      if (point && (best === null || point.gap < best.point.gap)) best = { street, cross, point };
    }
  }
  return best && at(best.point, `${best.street.name.display} & ${best.cross.name.display}`, 'intersection', CONFIDENCE.intersection);
}
