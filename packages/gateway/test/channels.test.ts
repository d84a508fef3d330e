import { ConfigError } from '@intake/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { channelKeysTable } from '../src/config-keys.js';
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

  it("name an unknown key at any depth of a connector's, a destination's or a geocoder's settings, and the key meant", () => {
    const imap = { host: 'imap.example.org', user: 'intake', pass: 'secret' };
    expect(problemsOf((raw) => (raw.channels = { email: { imap: { ...imap, mailbx: 'INBOX' } } }))).toEqual([
      'channels.email.imap: unknown key "mailbx" (did you mean "mailbox"?)',
    ]);
    expect(problemsOf((raw) => (raw.channels = { sms: { auth_token: 't', account_sid: 'AC1', form: '+14035550100' } }))).toEqual([
      'channels.sms: unknown key "form" (did you mean "from"?)',
    ]);
    const hook = { type: 'webhook', url: 'https://crm.example.org/intake', secret: 'a-long-enough-secret', timeout: 5 };
    expect(problemsOf((raw) => (raw.router.destinations = { ...raw.router.destinations, hook }))).toEqual([
      expect.stringMatching(/^router\.destinations\.hook: unknown key "timeout" \(did you mean "timeout_ms"\?\)/),
    ]);
    expect(
      problemsOf((raw) => raw.geocoding.providers.push({ type: 'nominatim', url: 'http://127.0.0.1:8080', emial: 'a@b.org' })),
    ).toEqual([expect.stringMatching(/^geocoding\.providers\.1: unknown key "emial"/)]);
  });

  it("are documented in the README, key by key, as the connectors' schemas have them (pnpm intake config keys)", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const documented = /<!-- channel keys: pnpm intake config keys -->\n([\s\S]*?)\n<!-- end of channel keys -->/.exec(readme)?.[1];
    const table = channelKeysTable(pluginSchemas.channels!);
    expect(documented).toBe(table);
    for (const connector of connectors) expect(table).toContain(`| \`${connector.key}\` |`);
    expect(table).toContain('| `email` | `imap.host` | string | required |');
  });
});
