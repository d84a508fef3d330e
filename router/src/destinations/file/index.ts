import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type DestinationPlugin } from '@intake/core';
import { z } from 'zod';
import { destinationOptions } from '../options.js';

export const FileOptions = destinationOptions('file').extend({
  /** a JSON-lines file, relative to the config file */
  path: z.string().min(1),
});
export type FileOptions = z.infer<typeof FileOptions>;

/** Appends one JSON line per request: an outbox for CRMs that import files, and for demos. */
export const fileDestination: DestinationPlugin<FileOptions> = {
  type: 'file',
  options: FileOptions,
  create(options, { config }) {
    const file = resolveConfigPath(config, options.path);
    return {
      type: 'file',
      async deliver(request) {
        await mkdir(path.dirname(file), { recursive: true });
        // O_APPEND and one write per line (a record is far below Node's 512 KiB write chunk): concurrent workers never interleave.
        await appendFile(file, `${JSON.stringify(request)}\n`);
        return { external_id: null, file: options.path };
      },
    };
  },
};
