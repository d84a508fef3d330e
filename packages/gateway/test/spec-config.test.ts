import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@intake/core';
import { DEMO_CONFIG } from '../src/index.js';
import { pluginSchemas } from '../src/plugins.js';

/** SPEC.md's intake.yaml block, vendored as written (see the file's header). */
const SPEC_YAML = path.join(__dirname, 'fixtures/spec-intake.yaml');
const square = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [-115.6, 51.16],
      [-115.55, 51.16],
      [-115.55, 51.2],
      [-115.6, 51.2],
      [-115.6, 51.16],
    ],
  ],
});

/** The configuration printed in SPEC.md is the public contract: every key in it must load, as written. */
describe('the intake.yaml of SPEC.md', () => {
  it('loads with every key it names', () => {
    const yaml = readFileSync(SPEC_YAML, 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-spec-'));
    // the SPEC elides the IMAP/SMTP settings as bare key names; give them values, change nothing else
    const filled = yaml
      .replace(
        'imap: { host, port, secure, user, pass,',
        'imap: { host: imap.example.org, port: 993, secure: true, user: intake, pass: secret,',
      )
      .replace(
        'smtp: { host, port, secure, user, pass,',
        'smtp: { host: smtp.example.org, port: 587, secure: false, user: intake, pass: secret,',
      );
    writeFileSync(path.join(dir, 'intake.yaml'), filled);
    writeFileSync(path.join(dir, 'boundary.geojson'), square);
    writeFileSync(path.join(dir, 'ward-1.geojson'), square);
    copyFileSync(path.join(path.dirname(DEMO_CONFIG), 'addresses.csv'), path.join(dir, 'addresses.csv'));
    const env = { INTAKE_ADMIN_TOKEN: 'admin', TWILIO_AUTH_TOKEN: 'twilio' };

    const config = loadConfig({ file: path.join(dir, 'intake.yaml'), env, plugins: pluginSchemas });
    expect(config.jurisdiction).toMatchObject({
      id: 'banff.ca',
      country: 'CA',
      timezone: 'America/Edmonton',
      boundary: './boundary.geojson',
    });
    expect(config.server).toMatchObject({ port: 3000, public_url: 'https://intake.example.org', admin_token: 'admin' });
    expect(Object.keys(config.channels).sort()).toEqual(['email', 'open311', 'slack', 'sms', 'transcripts', 'voice', 'web']);
    expect(config.geocoding.providers.map((p) => p.type)).toEqual(['gazetteer', 'nominatim']);
    expect(config.dedupe).toMatchObject({ radius_m: 75, window_hours: 72 });
    expect(Object.fromEntries(Object.entries(config.router.destinations).map(([name, d]) => [name, d.type]))).toEqual({
      crm: 'open311',
      hook: 'webhook',
      works: 'email',
      outbox: 'file',
    });
    expect(config.router.rules.map((r) => r.name)).toEqual(['gas leaks to the emergency desk', 'streets']);
    expect(config.router.default.deliver_to).toEqual(['outbox']);
    // the SPEC's catalogue is abridged to POTHOLE, so its streets rule names a code it does not list
    expect(config.warnings).toEqual([
      'router.rules.1.when.service_code: "STREETLIGHT" is not in the service catalogue, so this condition never holds',
    ]);
  });
});
