import type { Logger } from '@intake/core';
import { LogLevel, type Logger as SlackLogger, type WebClientOptions } from '@slack/web-api';

import type { SlackSettings } from './settings.js';

export type { SlackSettings };

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Slack's libraries log through ours: one stream, with our redaction. */
export function slackLogger(log: Logger): SlackLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) =>
      log[level](parts.map(String).join(' '));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // the level and name are ours to set
    setLevel: () => undefined,
    getLevel: () => LEVELS[log.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}

/**
 * Calls fail fast instead of being retried for minutes inside the client: a trigger_id lives three seconds, and
 * replies have the reply queue's own retries.
 */
export function webClientOptions(slack: SlackSettings, log: Logger): WebClientOptions {
  return {
    slackApiUrl: slack.api_url.endsWith('/') ? slack.api_url : `${slack.api_url}/`,
    logger: slackLogger(log),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}
