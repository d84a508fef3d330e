import { IntakeError, PublicStatus, type LoadedConfig } from '@intake/core';
import builtIn from './status-words.json';

/** "In_Progress", "in-progress " and "in progress" are one word. */
export const statusWord = (word: string) => word.toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ').trim();

/** A CRM's status word that neither the built-in list nor `status_map` knows: the CRM is told (422), nothing is kept. */
export class UnknownStatusError extends IntakeError {
  constructor(word: string) {
    super(
      422,
      'unknown_status',
      `unknown status "${word.slice(0, 60)}": use received, acknowledged, in_progress or closed, or map the word under status_map in intake.yaml`,
    );
  }
}

export interface StatusMeaning {
  /** the CRM's word, normalized: what Open311 and the tracking page show beside the public status */
  word: string;
  status: PublicStatus;
}

/** What a CRM's status words mean: the built-in words, then the town's `status_map`, which wins. */
export class StatusWords {
  private readonly meanings = new Map<string, PublicStatus>();

  constructor(config: Pick<LoadedConfig, 'status_map'>) {
    for (const status of PublicStatus.options) {
      this.meanings.set(statusWord(status), status);
      for (const word of builtIn[status]) this.meanings.set(statusWord(word), status);
    }
    for (const [word, status] of Object.entries(config.status_map)) this.meanings.set(statusWord(word), status);
  }

  /** Throws UnknownStatusError for a word no one mapped. */
  meaning(crmWord: string): StatusMeaning {
    const word = statusWord(crmWord);
    const status = this.meanings.get(word);
    if (status === undefined) throw new UnknownStatusError(crmWord);
    return { word, status };
  }
}
