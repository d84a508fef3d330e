import type { GeocoderPlugin } from '@intake/core';
import { arcgisPlugin } from './arcgis/index.js';
import { gazetteerPlugin } from './gazetteer/index.js';
import { nominatimPlugin } from './nominatim/index.js';
import { peliasPlugin } from './pelias/index.js';

/** Every geocoder a config can name under geocoding.providers, by `type`. */
export const geocoderPlugins: GeocoderPlugin[] = [gazetteerPlugin, nominatimPlugin, peliasPlugin, arcgisPlugin] as GeocoderPlugin[];
