import path from 'node:path';
import { loadConfig, type LoadedConfig } from '@intake/core';
import { pluginSchemas } from './plugins.js';

export const DEMO_CONFIG = path.resolve(__dirname, '../demo/intake.yaml');

/** Where this host keeps its own files (the SQLite index, an autostarted Redis): INTAKE_DATA_DIR, else ./.intake. */
export const dataDir = () => path.resolve(process.env.INTAKE_DATA_DIR || '.intake');

/** `--config`, else INTAKE_CONFIG, else the built-in demo. INTAKE_DATA_DIR defaults to ./.intake of the working folder. */
export function loadGatewayConfig(file?: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  // an empty INTAKE_CONFIG (compose's `${INTAKE_CONFIG:-}`) means none was given, not a file named ''
  const chosen = file ?? (env.INTAKE_CONFIG || DEMO_CONFIG);
  return loadConfig({ file: chosen, env: { INTAKE_DATA_DIR: path.resolve('.intake'), ...env }, plugins: pluginSchemas });
}
