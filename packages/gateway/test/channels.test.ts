import { ConfigError } from '@intake/core';
import { channels, connectors, pluginSchemas } from '../src/plugins.js';
import { demoConfig, type Overrides } from './harness.js';

const problemsOf = (overrides: Overrides): string[] => {
  try {
    demoConfig(overrides);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('the channels the registered connectors declare', () => {
  it('are the channel list and the config keys: nothing else names them', () => {
    expect(channels.names.sort()).toEqual(connectors.flatMap((connector) => connector.channels.map((channel) => channel.name)).sort());
    expect(Object.keys(pluginSchemas.channels!.settings).sort()).toEqual(connectors.map((connector) => connector.key).sort());
  });

  it('carry their traits to the pipeline: Twilio texts are acknowledged in the webhook answer and followed up by sender', () => {
    expect(channels.traits('sms')).toMatchObject({ acknowledgesInAnswer: true, followUpBySender: true, repliesByPhone: true });
    expect(channels.traits('email')).toMatchObject({ acknowledgesInAnswer: false, followUpBySender: false, quotesAndSignatures: true });
    expect(channels.traits('transcript').handledByClerk).toBe(true);
  });

  it("check their settings with the connector's own schema when the config loads", () => {
    expect(problemsOf((raw) => (raw.channels = { sms: { account_sid: 'AC1' } }))).toEqual([
      expect.stringMatching(/^channels\.sms\.auth_token: /),
    ]);
    expect(demoConfig((raw) => (raw.channels = { slack: { signing_secret: 's', bot_token: 'b' } })).channels.slack).toEqual({
      signing_secret: 's',
      bot_token: 'b',
      api_url: 'https://slack.com/api/',
    });
  });

  it('refuse a channel no connector serves, under channels or in a rule', () => {
    expect(problemsOf((raw) => (raw.channels = { fax: {} }))).toEqual([
      expect.stringMatching(/^channels\.fax: no such channel \(known: .*sms/),
    ]);
    expect(problemsOf((raw) => (raw.channels = { slak: { signing_secret: 's', bot_token: 'b' } }))).toEqual([
      expect.stringMatching(/^channels\.slak: no such channel \(did you mean "slack"\?\)/),
    ]);
    const rule = { name: 'faxes', when: { channel: 'fax' }, then: { deliver_to: [] } };
    expect(problemsOf((raw) => (raw.router.rules = [rule]))).toEqual([
      expect.stringMatching(/^router\.rules\.0\.when\.channel: no channel "fax"/),
    ]);
  });
});
