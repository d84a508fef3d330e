import { baseConfig, startWebApp, type WebApp } from './harness.js';

/** A bilingual town whose catalogue names its services and groups in French too (one left untranslated). */
const bilingual = () => {
  const config = baseConfig();
  return {
    ...config,
    jurisdiction: { ...config.jurisdiction, languages: ['en', 'fr'], names: { fr: 'Ville de Testville' } },
    media: { max_photos: 2, max_bytes: 200_000 },
    services: [
      { code: 'POTHOLE', name: 'Pothole', names: { fr: 'Nid-de-poule' }, group: 'Streets', group_names: { fr: 'Rues' } },
      { code: 'STREETLIGHT', name: 'Streetlight out', names: { fr: 'Lampadaire éteint' }, group: 'Streets', group_names: { fr: 'Rues' } },
      { code: 'OTHER', name: 'Something else' },
    ],
  };
};

let app: WebApp;
beforeAll(async () => {
  app = await startWebApp({ config: bilingual() });
});
afterAll(() => app.close());
beforeEach(() => app.queue.drain());

const post = (body: FormData | URLSearchParams, accept: string) =>
  fetch(`${app.url}/api/v1/reports`, { method: 'POST', headers: { accept }, body });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
/** The error list of a page, as the citizen reads it. */
const errorList = (page: string) =>
  [...(/<div class="error-summary"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '').matchAll(/<li>(?:<a [^>]*>)?([^<]*)/g)].map((match) =>
    match[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"'),
  );

describe('the form in French', () => {
  it("lists what is wrong in French beside each field's French label, without JavaScript", async () => {
    const response = await post(
      new URLSearchParams({ language: 'fr', description: '   ', email: 'pas-une-adresse', lat: '91', long: '-63.5' }),
      'text/html',
    );
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<html lang="fr">');
    expect(errorList(page)).toEqual([
      'Décrivez le problème : est obligatoire',
      'Position : doit être entre -90 et 90',
      "Courriel : n'est pas une adresse courriel valide",
    ]);
    expect(page).not.toMatch(/is required|not a valid email/);
    expect(await app.jobs()).toHaveLength(0);
  });

  it('says in French why a photo was refused, and an unknown service', async () => {
    const form = new FormData();
    form.append('language', 'fr');
    form.append('description', 'Nid-de-poule devant le 12 rue Maple');
    form.append('photo', new Blob([Buffer.alloc(300_000, 1)], { type: 'image/jpeg' }), 'grosse.jpg');
    const tooLarge = await post(form, 'text/html');
    expect(tooLarge.status).toBe(413);
    expect(errorList(await tooLarge.text())).toEqual(['Photos (facultatif) : chaque photo doit faire au plus 0,2\u202fMo']);

    const unknown = await post(new URLSearchParams({ language: 'fr', description: 'x', service_code: 'PLAYGROUND' }), 'text/html');
    expect(errorList(await unknown.text())).toEqual(["Type de problème : « PLAYGROUND » n'est pas dans la liste des services"]);
  });

  it("answers the form's script in the language it posts, and other API clients in English", async () => {
    const form = new FormData();
    form.append('language', 'fr');
    form.append('description', '');
    const french = await post(form, 'application/json');
    expect(await errorOf(french)).toEqual({ code: 'invalid_report', message: 'description: est obligatoire' });

    const photos = new FormData();
    photos.append('language', 'fr');
    photos.append('description', 'Graffitis');
    photos.append('photo', new Blob([Buffer.from('pas une image')], { type: 'image/png' }), 'a.png');
    expect(await errorOf(await post(photos, 'application/json'))).toEqual({
      code: 'unsupported_media_type',
      message: "photo: un des fichiers n'est pas une photo : envoyez du JPEG, PNG, WebP, GIF, AVIF ou TIFF",
    });

    const english = await fetch(`${app.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'x', email: 'nope' }),
    });
    expect((await errorOf(english)).message).toBe('email: is not a valid email address');
  });

  it("names the town, the services and their groups in the page's language, and in the town's words where none is given", async () => {
    const french = await (await fetch(`${app.url}/?lang=fr`)).text();
    expect(french).toContain(
      '<optgroup label="Rues"><option value="POTHOLE">Nid-de-poule</option><option value="STREETLIGHT">Lampadaire éteint</option></optgroup>',
    );
    expect(french).toContain('<option value="OTHER">Something else</option>');
    expect(french).toContain('<p class="jurisdiction">Ville de Testville</p>');
    const english = await (await fetch(`${app.url}/?lang=en`)).text();
    expect(english).toContain('<p class="jurisdiction">Town of Testville</p>');
    expect(english).toContain('<optgroup label="Streets"><option value="POTHOLE">Pothole</option>');
  });
});
