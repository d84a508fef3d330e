import { Texts } from '@intake/i18n';
import type { LoadedConfig } from './config.js';

/** The town's texts: its languages (`jurisdiction.languages`) and its name; `detect` tells a citizen's language from their words. */
export function textsFor(config: Pick<LoadedConfig, 'jurisdiction'>, detect?: (text: string) => string): Texts {
  return new Texts({ languages: config.jurisdiction.languages, town: config.jurisdiction.name, detect });
}
