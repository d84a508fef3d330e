import { StoredRequest, parseConfig, serviceRequestFrom, textsFor } from '@intake/core';
import { renderTracking, trackingView } from '../src/index.js';

const config = parseConfig(
  {
    jurisdiction: { id: 'example.org', name: 'Town of Example', names: { fr: 'Ville d’Exemple' }, languages: ['en', 'fr'] },
    services: [
      { code: 'POTHOLE', name: 'Pothole', names: { fr: 'Nid-de-poule' } },
      { code: 'OTHER', name: 'Something else' },
    ],
    router: { destinations: {} },
  },
  { base_dir: __dirname, source: 'test' },
);
const deps = { config, texts: textsFor(config) };
const tracked = (serviceCode: string, language: string) =>
  StoredRequest.parse({
    record: serviceRequestFrom({ service_code: serviceCode, service_name: 'as the record was named', language }),
    state: 'routed',
    updated_at: '2026-12-01T12:00:00Z',
  });

describe("the tracking page's service", () => {
  it("is named in the citizen's language when the catalogue has the name, in the town's words otherwise", () => {
    expect(trackingView(deps, tracked('POTHOLE', 'fr')).service).toBe('Nid-de-poule');
    expect(trackingView(deps, tracked('POTHOLE', 'en')).service).toBe('Pothole');
    expect(trackingView(deps, tracked('OTHER', 'fr')).service).toBe('Something else');
  });

  it("names the town in the citizen's language on the page", () => {
    const page = (language: string) => renderTracking(deps, trackingView(deps, tracked('POTHOLE', language)));
    expect(page('fr')).toContain('Ville d’Exemple');
    expect(page('fr')).toContain('Nid-de-poule');
    expect(page('en')).toContain('Town of Example');
  });

  it('keeps the name the record was given for a service the catalogue no longer has', () => {
    expect(trackingView(deps, tracked('RETIRED', 'fr')).service).toBe('as the record was named');
  });
});
