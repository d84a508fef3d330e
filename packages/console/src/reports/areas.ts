import path from 'node:path';
import { readAreas, resolveConfigPath, type Area, type LoadedConfig } from '@intake/core';

/** An area a report can be narrowed to: a ward, downtown, a district, the jurisdiction itself. */
export interface NamedArea {
  name: string;
  areas: Area[];
}

/** A name fit for the counters' fields ("kind|area|…", where "*" is the whole town) and a list of choices. */
const areaName = (name: unknown) =>
  typeof name === 'string' ? name.replace(/\|/g, '/').replace(/\s+/g, ' ').trim().slice(0, 60).replace(/^\*$/, '') : '';

/** A file of several named polygons (wards, neighbourhoods) gives one area each; any other file is one area. */
function areasOfFile(name: string, features: Area[]): NamedArea[] {
  const names = features.map((feature) => areaName(feature.properties?.name));
  if (features.length < 2 || names.some((featureName) => featureName === '') || new Set(names).size < 2) return [{ name, areas: features }];
  return [...new Set(names)].map((featureName) => ({ name: featureName, areas: features.filter((_, i) => names[i] === featureName) }));
}

/**
 * Every area a user would look for: those of `console.areas` (name: GeoJSON file), the polygons the routing rules
 * use (`within`, named by file) and the jurisdiction's boundary (by the jurisdiction's name); the first of a name wins.
 */
export function loadAreas(config: LoadedConfig): NamedArea[] {
  const configured = Object.entries(config.console.areas ?? {});
  const configuredFiles = new Set(configured.map(([, file]) => resolveConfigPath(config, file)));
  const ruleFiles = [...new Set(config.router.rules.map((rule) => rule.when.within).filter((file): file is string => file !== undefined))]
    .filter((file) => !configuredFiles.has(resolveConfigPath(config, file)))
    .map((file): [string, string] => [path.basename(file, path.extname(file)), file]);
  const boundary: [string, string][] =
    config.jurisdiction.boundary === undefined ? [] : [[areaName(config.jurisdiction.name), config.jurisdiction.boundary]];
  const areas = [...configured, ...ruleFiles, ...boundary].flatMap(([name, file]) =>
    areasOfFile(name, readAreas(resolveConfigPath(config, file))),
  );
  const byName = new Map<string, NamedArea>();
  for (const area of areas) if (area.name !== '' && !byName.has(area.name)) byName.set(area.name, area);
  return [...byName.values()];
}
