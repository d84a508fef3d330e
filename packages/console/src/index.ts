export { createConsole, type Console, type ConsoleDeps } from './console.js';
export { openSqliteIndex } from './search/sqlite.js';
export { IndexFeeder, type FeederOptions } from './search/feeder.js';
export { toIndexed, IndexedRequest } from './search/document.js';
export type { RequestIndex } from './search/request-index.js';
export { Aggregates } from './reports/aggregates.js';
export { indexFeederFor, openRequestIndex, type OpenedIndex } from './search/open.js';
export { loadAreas, type NamedArea } from './reports/areas.js';
