/** `pnpm test:faults`: the fault suite, which kills and restarts its own Redis, gateways and workers; one file at a time. */
const base = require('./jest.config.js');

module.exports = { ...base, testMatch: ['**/test/faults/**/*.fault.ts'], testTimeout: 180_000, maxWorkers: 1 };
