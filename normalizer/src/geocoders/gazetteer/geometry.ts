export interface LatLong {
  lat: number;
  long: number;
}

export interface XY {
  x: number;
  y: number;
}

/** Points as two columns, the i-th point at (lat[i], long[i]). */
export interface LatLongColumns {
  lat: ArrayLike<number>;
  long: ArrayLike<number>;
}

export const latLongColumns = (points: readonly LatLong[]): LatLongColumns => ({
  lat: points.map((p) => p.lat),
  long: points.map((p) => p.long),
});

export const centroid = (points: readonly LatLong[]): LatLong => ({
  lat: points.reduce((sum, p) => sum + p.lat, 0) / points.length,
  long: points.reduce((sum, p) => sum + p.long, 0) / points.length,
});

/** Metres on a local flat projection: accurate to well under a metre across a town, and cheap. */
export function localMeters(origin: LatLong) {
  const kx = 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  const ky = 110_574;
  return {
    toXY: (p: LatLong): XY => ({ x: (p.long - origin.long) * kx, y: (p.lat - origin.lat) * ky }),
    toXYColumns: ({ lat, long }: LatLongColumns): { xs: Float64Array; ys: Float64Array } => {
      const [xs, ys] = [new Float64Array(lat.length), new Float64Array(lat.length)];
      for (let i = 0; i < lat.length; i++) {
        xs[i] = (long[i]! - origin.long) * kx;
        ys[i] = (lat[i]! - origin.lat) * ky;
      }
      return { xs, ys };
    },
    toLatLong: (x: number, y: number): LatLong => ({ lat: origin.lat + y / ky, long: origin.long + x / kx }),
  };
}

export const squaredMeters = (a: LatLong, b: LatLong) => {
  const kx = 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return ((a.long - b.long) * kx) ** 2 + ((a.lat - b.lat) * 110_574) ** 2;
};

export interface Line extends XY {
  dx: number;
  dy: number;
}

/** Points as two columns, the i-th point at (xs[i], ys[i]): a street's thousand points without a thousand objects. */
export interface XYColumns {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

const xyColumns = (points: readonly XY[]): XYColumns => ({ xs: points.map((p) => p.x), ys: points.map((p) => p.y) });

const mean = (values: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
};

/** The direction in which points spread most, and how much they spread along it (major) and across it (minor). */
export function principalAxis({ xs, ys }: XYColumns): Line & { major: number; minor: number } {
  const x = mean(xs);
  const y = mean(ys);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i]! - x) ** 2;
    syy += (ys[i]! - y) ** 2;
    sxy += (xs[i]! - x) * (ys[i]! - y);
  }
  const trace = sxx + syy;
  const root = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy ** 2);
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { x, y, dx: Math.cos(angle), dy: Math.sin(angle), major: trace / 2 + root, minor: trace / 2 - root };
}

/** The principal axis of points, when they clearly run one way. */
export function fitLine(points: readonly XY[]): Line | null {
  if (points.length < 3) return null;
  const axis = principalAxis(xyColumns(points));
  // Points on both sides of a short stretch can spread as much across the street as along it: no direction then.
  return axis.major < 4 * Math.max(axis.minor, 1) ? null : axis;
}

/**
 * The middle point of a street (or a block): its points ordered along the line that best fits them, and the one in
 * the middle taken. It is a real address on the street, halfway along it, even when the street bends.
 */
export function middleAlong({ lat, long }: LatLongColumns): LatLong {
  const projection = localMeters({ lat: mean(lat), long: mean(long) });
  const { xs, ys } = projection.toXYColumns({ lat, long });
  const axis = principalAxis({ xs, ys });
  const along = new Float64Array(xs.length);
  const order: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    along[i] = xs[i]! * axis.dx + ys[i]! * axis.dy;
    order.push(i);
  }
  // in order along the line, points at the same place along it in the order given
  order.sort((a, b) => along[a]! - along[b]! || a - b);
  const middle = order[Math.floor((order.length - 1) / 2)]!;
  return { lat: lat[middle]!, long: long[middle]! };
}

/**
 * The points that can be corners of the convex hull: those not strictly inside the polygon of the extreme points in
 * eight directions. Of a city's million points that leaves a few, so the hull is computed on those alone.
 */
export function hullCandidates(lat: ArrayLike<number>, long: ArrayLike<number>): LatLong[] {
  const all = Array.from({ length: lat.length }, (_, i) => i);
  const directions = [
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
    [1, -1],
  ] as const;
  const extremes = directions.map(([dx, dy]) =>
    all.reduce((best, i) => (long[i]! * dx + lat[i]! * dy > long[best]! * dx + lat[best]! * dy ? i : best), 0),
  );
  const ring = extremes.filter((id, i) => id !== extremes[(i + 1) % extremes.length]);
  const strictlyInside = (i: number) =>
    ring.length >= 3 &&
    ring.every((a, k) => {
      const b = ring[(k + 1) % ring.length]!;
      return (long[b]! - long[a]!) * (lat[i]! - lat[a]!) - (lat[b]! - lat[a]!) * (long[i]! - long[a]!) > 0;
    });
  return all.filter((i) => !strictlyInside(i)).map((i) => ({ lat: lat[i]!, long: long[i]! }));
}
