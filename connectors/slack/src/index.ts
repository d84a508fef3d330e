import type { Connector } from '@intake/core';
import { mountSlackApp } from './app.js';
import { createSlackResponder } from './responder.js';

export { REPORT_SHORTCUT, SLACK_ROUTE } from './app.js';
export { REPORT_VIEW, SERVICE_ACTION } from './modal.js';
export { REPLY_EVENT_TYPE, createSlackResponder } from './responder.js';
export { escapeMarkup, plainText } from './text.js';

/** Staff and field crews reporting from Slack: the form, the message shortcut, mentions and DMs in; replies out by chat.postMessage. */
export const slackConnector: Connector = {
  channel: 'slack',
  enabled: (config) => config.channels.slack !== undefined,
  mount(router, ctx) {
    const slack = ctx.config.channels.slack;
    if (slack !== undefined) mountSlackApp(router, ctx, slack);
  },
  responder: createSlackResponder,
};
