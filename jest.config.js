/** One jest run over every package; workspace imports resolve to TypeScript sources via the "source" condition. */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'require', 'default'] },
  roots: ['<rootDir>/packages', '<rootDir>/connectors', '<rootDir>/normalizer', '<rootDir>/router'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    // ESM-only dependencies (uuid, under @vonage's SDK) that Node 20 requires natively but jest's loader cannot
    '/node_modules/\\.pnpm/uuid@[^/]+/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!uuid@)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
  maxWorkers: 2,
};
