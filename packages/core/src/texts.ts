import { Texts } from '@intake/i18n';
import type { LoadedConfig } from './config.js';

/** The town's texts: its languages (`jurisdiction.languages`) and its name; `detect` tells a citizen's language from their words. */
export function textsFor(config: Pick<LoadedConfig, 'jurisdiction'>, detect?: (text: string) => string): Texts {
  const { languages, name, names } = config.jurisdiction;
  return new Texts({ languages, town: name, townNames: names, detect });
}
