import { hostname } from 'node:os';
import path from 'node:path';
import type { LoadedConfig, Logger, RedisClient, RequestStore } from '@intake/core';
import { Aggregates } from '../reports/aggregates.js';
import { loadAreas } from '../reports/areas.js';
import { IndexFeeder } from './feeder.js';
import type { RequestIndex } from './request-index.js';
import { openPostgresIndex } from './postgres.js';
import { openSqliteIndex } from './sqlite.js';

export interface OpenedIndex {
  index: RequestIndex;
  /** the feed's consumer group: one per SQLite file (each is fed everything), one for a shared PostgreSQL schema */
  group: string;
}

/** The index the config names: PostgreSQL when given, else a SQLite file in the data directory. */
export async function openRequestIndex(config: LoadedConfig, dataDir: string): Promise<OpenedIndex> {
  const settings = config.console.index;
  if (settings.type === 'postgres')
    return { index: await openPostgresIndex(settings.url, settings.schema), group: `postgres:${settings.schema}` };
  const file = path.resolve(config.base_dir, settings.path ?? path.join(dataDir, 'index.sqlite'));
  return { index: openSqliteIndex(file), group: `sqlite:${hostname()}:${file}` };
}

/** The feed of an opened index and of the report counters, as the config says: for the gateway and `intake index rebuild`. */
export function indexFeederFor(
  config: LoadedConfig,
  opened: OpenedIndex,
  deps: { store: RequestStore; redis: RedisClient; log: Logger },
): IndexFeeder {
  const { prefix, retention_days: retentionDays } = config.redis;
  return new IndexFeeder({
    redis: config.redis,
    group: opened.group,
    store: deps.store,
    index: opened.index,
    aggregates: new Aggregates(deps.redis, prefix, config.jurisdiction.timezone, loadAreas(config), retentionDays),
    retentionDays,
    log: deps.log,
  });
}
