import { settingsOf, type LoadedConfig } from '@intake/core';
import { z } from 'zod';

/** `channels.slack`: the app's signing secret (requests in) and bot token (replies out). */
export const SlackSettings = z.strictObject({
  signing_secret: z.string().min(1),
  bot_token: z.string().min(1),
  /** Slack's Web API base; only changed to reach a stand-in (tests) or a proxy */
  api_url: z.string().url().default('https://slack.com/api/'),
});
export type SlackSettings = z.infer<typeof SlackSettings>;

export const SLACK_KEY = 'slack';

export const slackSettings = (config: LoadedConfig): SlackSettings | undefined =>
  settingsOf(config, { key: SLACK_KEY, settings: SlackSettings });
