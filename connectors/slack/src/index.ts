import type { Connector } from '@intake/core';
import { mountSlackApp } from './app.js';
import { createSlackResponder } from './responder.js';
import { SLACK_KEY, SlackSettings, slackSettings } from './settings.js';

export { REPORT_SHORTCUT, SLACK_ROUTE } from './app.js';
export { REPORT_VIEW, SERVICE_ACTION } from './modal.js';
export { REPLY_EVENT_TYPE, createSlackResponder } from './responder.js';
export { escapeMarkup, plainText } from './text.js';

/** Staff and field crews reporting from Slack: the form, the message shortcut, mentions and DMs in; replies out by chat.postMessage. */
export const slackConnector: Connector<SlackSettings> = {
  key: SLACK_KEY,
  channels: [{ name: 'slack' }],
  settings: SlackSettings,
  enabled: (config) => slackSettings(config) !== undefined,
  mount(router, ctx) {
    const slack = slackSettings(ctx.config);
    if (slack !== undefined) mountSlackApp(router, ctx, slack);
  },
  responder: createSlackResponder,
};
