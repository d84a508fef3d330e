/** Coordinates and map links pasted into a message: the most precise location a citizen can give. */

export interface FoundPoint {
  lat: number;
  long: number;
  raw: string;
  start: number;
  end: number;
  via: 'map_link' | 'coordinates';
}

const URL_PATTERN = /\b(?:https?:\/\/[^\s<>"'\])]+|geo:[-+\d.,;=a-z%?()&]+)/giu;
const PAIR = /([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)/;
const DECIMAL = String.raw`[-+]?\d{1,3}\.\d{3,}`;
const COORDINATES = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:lat(?:itude)?\s*[:=]?\s*)?(${DECIMAL})\s*°?\s*([NSns])?\s*[,;/\s]\s*(?:lon(?:g|gitude)?\s*[:=]?\s*)?(${DECIMAL})\s*°?\s*([EWOewo])?(?![\p{L}\p{N}])`,
  'giu',
);
const DMS =
  /(\d{1,2})\s*°\s*(\d{1,2})\s*['′’]\s*(?:(\d{1,2}(?:\.\d+)?)\s*["″”]\s*)?([NSns])[\s,;]*(\d{1,3})\s*°\s*(\d{1,2})\s*['′’]\s*(?:(\d{1,2}(?:\.\d+)?)\s*["″”]\s*)?([EWOewo])/gu;

const valid = (lat: number, long: number) =>
  Number.isFinite(lat) && Number.isFinite(long) && Math.abs(lat) <= 90 && Math.abs(long) <= 180 && !(lat === 0 && long === 0);

function pair(text: string | null | undefined): { lat: number; long: number } | null {
  if (!text) return null;
  const match = PAIR.exec(text);
  if (!match) return null;
  const lat = Number(match[1]);
  const long = Number(match[2]);
  return valid(lat, long) ? { lat, long } : null;
}

/** The point a map link shows: OpenStreetMap marker, Google place, query or centre, Apple ll, geo: URI. */
export function pointFromMapLink(link: string): { lat: number; long: number } | null {
  if (/^geo:/i.test(link)) {
    const [path, query] = link.slice(4).split('?');
    const direct = pair(path?.split(';')[0]);
    return direct ?? pair(decodeURIComponent(new URLSearchParams(query ?? '').get('q') ?? ''));
  }
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const params = url.searchParams;
  const mlat = Number(params.get('mlat'));
  const mlon = Number(params.get('mlon'));
  if (params.has('mlat') && params.has('mlon') && valid(mlat, mlon)) return { lat: mlat, long: mlon };
  const path = decodeURIComponent(url.pathname);
  const place = /!3d([-+]?\d+\.\d+)!4d([-+]?\d+\.\d+)/.exec(`${path}${url.search}`);
  if (place && valid(Number(place[1]), Number(place[2]))) return { lat: Number(place[1]), long: Number(place[2]) };
  // A dropped pin's own place, "/maps/place/40.0021,-100.0041/@<view centre>" or in degrees and minutes, before the view.
  const pinned = /\/(?:place|search)\/([^/]+)/.exec(path)?.[1]?.replace(/\+/g, ' ');
  const pin = pinned === undefined ? null : (findPoints(pinned).points.find((point) => point.raw.trim() === pinned.trim()) ?? null);
  if (pin) return { lat: pin.lat, long: pin.long };
  for (const name of ['q', 'query', 'll', 'sll', 'daddr', 'destination', 'coordinate', 'center', 'cp']) {
    const found = pair(params.get(name)?.replace('~', ','));
    if (found) return found;
  }
  const at = /@([-+]?\d+\.\d+),([-+]?\d+\.\d+)/.exec(path);
  if (at && valid(Number(at[1]), Number(at[2]))) return { lat: Number(at[1]), long: Number(at[2]) };
  const hashMap = /map=\d+(?:\.\d+)?\/([-+]?\d+\.\d+)\/([-+]?\d+\.\d+)/.exec(url.hash);
  if (hashMap && valid(Number(hashMap[1]), Number(hashMap[2]))) return { lat: Number(hashMap[1]), long: Number(hashMap[2]) };
  return pair(path.replace(/^.*\//, ''));
}

const signed = (value: string, hemisphere: string | undefined, negative: string) => {
  const number = Number(value);
  return hemisphere !== undefined && negative.includes(hemisphere.toUpperCase()) ? -Math.abs(number) : number;
};

/** Links and coordinates in the text, and the text with links blanked out (same length, so offsets still hold). */
export function findPoints(text: string): { points: FoundPoint[]; rest: string } {
  const points: FoundPoint[] = [];
  let rest = text;
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end);
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(/[.,;:!?]+$/, '');
    const start = match.index;
    blank(start, start + raw.length);
    const point = pointFromMapLink(raw);
    if (point) points.push({ ...point, raw, start, end: start + raw.length, via: 'map_link' });
  }
  for (const match of rest.matchAll(DMS)) {
    const degrees = (d: string, m: string, s: string | undefined) => Number(d) + Number(m) / 60 + Number(s ?? 0) / 3600;
    const lat = signed(String(degrees(match[1]!, match[2]!, match[3])), match[4], 'S');
    const long = signed(String(degrees(match[5]!, match[6]!, match[7])), match[8], 'WO');
    if (valid(lat, long))
      points.push({ lat, long, raw: match[0], start: match.index, end: match.index + match[0].length, via: 'coordinates' });
    blank(match.index, match.index + match[0].length);
  }
  for (const match of rest.matchAll(COORDINATES)) {
    const lat = signed(match[1]!, match[2], 'S');
    const long = signed(match[3]!, match[4], 'WO');
    if (!valid(lat, long)) continue;
    points.push({ lat, long, raw: match[0], start: match.index, end: match.index + match[0].length, via: 'coordinates' });
    blank(match.index, match.index + match[0].length);
  }
  points.sort((a, b) => a.start - b.start);
  return { points, rest };
}
