/** Web Mercator tile numbers (the XYZ scheme every tile server uses). */
const tileX = (long: number, z: number) => ((long + 180) / 360) * 2 ** z;
const tileY = (lat: number, z: number) =>
  ((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z;
const tileLong = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const tileLat = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

export interface Tile {
  url: string;
  west: number;
  north: number;
  east: number;
  south: number;
}

/** The tiles of `template` ("https://…/{z}/{x}/{y}.png") that cover a town's box, at the zoom where about six span it. */
export function tilesFor(template: string, [west, south, east, north]: [number, number, number, number], across = 6): Tile[] {
  let z = 18;
  while (z > 1 && tileX(east, z) - tileX(west, z) > across) z--;
  const tiles: Tile[] = [];
  for (let x = Math.floor(tileX(west, z)); x <= Math.floor(tileX(east, z)); x++) {
    for (let y = Math.floor(tileY(north, z)); y <= Math.floor(tileY(south, z)); y++) {
      const url = template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      tiles.push({ url, west: tileLong(x, z), east: tileLong(x + 1, z), north: tileLat(y, z), south: tileLat(y + 1, z) });
    }
  }
  return tiles;
}
