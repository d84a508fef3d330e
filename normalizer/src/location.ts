import { NO_LOCATION, type DevicePoint, type Location } from '@intake/core';
import type { GeocoderChain } from './chain.js';
import { extractAddresses, rankExtracted, type Extracted, type Vocabulary } from './extract/index.js';
import type { Gazetteer, LatLong } from './geocoders/gazetteer/index.js';
import type { JurisdictionCheck } from './jurisdiction.js';
import { parseStreetName } from './streets.js';
import { zoneWeight, type Zone } from './zones.js';

export interface Locator {
  chain: GeocoderChain;
  vocabulary: Vocabulary;
  gazetteers: readonly Gazetteer[];
  inJurisdiction: JurisdictionCheck;
}

export interface Located {
  location: Location;
  /** the place mentions in the description that name places (not problems): kept out of classification */
  mentions: Extracted[];
  /** the location is a landmark named in the text: a question may ask about the landmark itself ("is it open?") */
  atLandmark: boolean;
}

/** A result is taken when how surely the words name a place, times how surely the geocoder found it, reaches this. */
const MIN_BELIEF = 0.4;
/** A device or pasted point within this of an address is labelled with it. */
const LABEL_RADIUS_M = 40;
/** Mentions this sure are places even when another one was used ("Bear St" is not a bear). */
const SURE_MENTION = 0.8;

function nearestLabel(locator: Locator, point: LatLong): string | null {
  for (const gazetteer of locator.gazetteers) {
    const nearest = gazetteer.nearest(point, LABEL_RADIUS_M);
    if (nearest)
      return nearest.number && Number.parseInt(nearest.number, 10) > 0
        ? `${nearest.number} ${nearest.street.name.display}`
        : nearest.street.name.display;
  }
  return null;
}

function pointLocation(locator: Locator, point: LatLong, source: string): Location {
  let chosen = point;
  let inside = locator.inJurisdiction(point);
  // Pasted pairs are sometimes long, lat; the town's extent tells which order was meant.
  if (
    inside === false &&
    source !== 'device' &&
    source !== 'photo' &&
    Math.abs(point.long) <= 90 &&
    locator.inJurisdiction({ lat: point.long, long: point.lat }) === true
  ) {
    [chosen, inside] = [{ lat: point.long, long: point.lat }, true];
  }
  return {
    lat: chosen.lat,
    long: chosen.long,
    address: nearestLabel(locator, chosen),
    precision: 'coordinates',
    source,
    in_jurisdiction: inside,
  };
}

async function locateOne(locator: Locator, candidate: Extracted): Promise<Location | null> {
  if (candidate.kind === 'point') return pointLocation(locator, candidate, candidate.via);
  if (candidate.kind === 'landmark') {
    const { landmark } = candidate;
    if (landmark.lat !== undefined && landmark.long !== undefined) {
      const point = { lat: landmark.lat, long: landmark.long };
      // A landmark placed by its point (a park, a trailhead) is as precise as that point, not a street address.
      const precision = landmark.address === undefined ? 'coordinates' : 'address';
      return {
        ...point,
        address: landmark.address ?? landmark.name,
        precision,
        source: 'landmark',
        in_jurisdiction: locator.inJurisdiction(point),
      };
    }
    if (landmark.address !== undefined) {
      const found = await locateFirst(locator, extractAddresses(landmark.address, locator.vocabulary));
      return found && { ...found, address: `${landmark.name}, ${found.address ?? landmark.address}` };
    }
  }
  const result = await locator.chain.geocode(candidate.query, (r) => candidate.score * r.confidence >= MIN_BELIEF);
  if (!result) return null;
  return {
    lat: result.lat,
    long: result.long,
    address: result.address,
    precision: result.precision,
    source: result.source,
    in_jurisdiction: locator.inJurisdiction(result),
  };
}

async function locateFirst(locator: Locator, candidates: readonly Extracted[]): Promise<(Location & { from: Extracted }) | null> {
  for (const candidate of candidates) {
    const location = await locateOne(locator, candidate);
    if (location) return { ...location, from: candidate };
  }
  return null;
}

const withoutFrom = ({ from: _from, ...location }: Location & { from: Extracted }): Location => location;

/** Places named in a signature, a quote or a forwarding note count less, or (a clerk's own address) not at all. */
function weighByZone(candidates: readonly Extracted[], zones: readonly Zone[]): Extracted[] {
  if (zones.length === 0) return [...candidates];
  const weighed = candidates.map((candidate) => ({
    ...candidate,
    score: candidate.score * zoneWeight(zones, candidate.start, candidate.end),
  }));
  return rankExtracted(weighed.filter((candidate) => candidate.score > 0));
}

/**
 * Where the problem is: the device's point, else the form's address field, else the places named in the text,
 * each through the geocoder chain, else where a photo was taken; precision 'none' when nothing usable was found.
 */
export async function locate(
  locator: Locator,
  input: {
    point: DevicePoint | null;
    address: string | null;
    description: string;
    zones?: readonly Zone[];
    photoPoint?: DevicePoint | null;
  },
): Promise<Located> {
  const named = extractAddresses(input.description, locator.vocabulary);
  // Place names are kept out of classification wherever they are, signatures included.
  const sure = named.filter((candidate) => candidate.score >= SURE_MENTION);
  const candidates = weighByZone(named, input.zones ?? []);
  if (input.point) return { location: pointLocation(locator, input.point, 'device'), mentions: sure, atLandmark: false };
  if (input.address && input.address.trim() !== '') {
    const fromField = await locateFirst(locator, extractAddresses(input.address, locator.vocabulary));
    if (fromField) return { location: withoutFrom(fromField), mentions: sure, atLandmark: false };
    const freeform = await locator.chain.geocode(
      { kind: 'freeform', raw: input.address, number: null, unit: null, street: null, cross_street: null },
      (r) => r.confidence >= MIN_BELIEF,
    );
    if (freeform)
      return {
        location: {
          lat: freeform.lat,
          long: freeform.long,
          address: freeform.address,
          precision: freeform.precision,
          source: freeform.source,
          in_jurisdiction: locator.inJurisdiction(freeform),
        },
        mentions: sure,
        atLandmark: false,
      };
  }
  const fromText = await locateFirst(locator, candidates);
  if (!fromText && input.photoPoint)
    return { location: pointLocation(locator, input.photoPoint, 'photo'), mentions: sure, atLandmark: false };
  if (!fromText) return { location: NO_LOCATION, mentions: sure, atLandmark: false };
  return {
    location: withoutFrom(fromText),
    mentions: [...new Set([fromText.from, ...sure])],
    atLandmark: fromText.from.kind === 'landmark',
  };
}

const ON_STREETS = new Set<Location['precision']>(['address', 'intersection', 'street']);

/**
 * The streets a location is on, in canonical form, read from its label: "211 Bear Street", "300 block of Bear
 * Street", "Bear Street & Wolf Street", "Banff Town Hall, 110 Bear Street, Unit 3".
 */
export function streetsOf(location: Location): string[] {
  if (location.address === null || !ON_STREETS.has(location.precision)) return [];
  const label = location.address
    .replace(/^[^,]*,\s*(?=\d)/, '')
    .replace(/,.*$/, '')
    .replace(/^\d+\s+block\s+of\s+/i, '')
    // only an address leads with its house number: "17 Avenue Southwest" is a numbered street
    .replace(location.precision === 'address' ? /^\d+[a-z]?\s+/i : /^$/, '');
  return label
    .split(' & ')
    .map((part) => parseStreetName(part)?.key)
    .filter((key): key is string => key !== undefined);
}
