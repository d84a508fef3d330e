import path from 'node:path';
import { readAreas, resolveConfigPath, type Area, type LoadedConfig } from '@intake/core';

/** An area a report can be narrowed to: a ward, downtown, a district. */
export interface NamedArea {
  name: string;
  areas: Area[];
}

/** `console.areas` (name: GeoJSON file), else the polygons the routing rules already use (`within`), named by file. */
export function loadAreas(config: LoadedConfig): NamedArea[] {
  const configured = Object.entries(config.console.areas ?? {});
  const files: [string, string][] =
    configured.length > 0
      ? configured
      : [...new Set(config.router.rules.map((rule) => rule.when.within).filter((file): file is string => file !== undefined))].map(
          (file) => [path.basename(file, path.extname(file)), file],
        );
  return files.map(([name, file]) => ({ name, areas: readAreas(resolveConfigPath(config, file)) }));
}
