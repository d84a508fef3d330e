import { startLoopbackServer, waitFor, type LoopbackServer } from '@intake/testkit';
import exifr from 'exifr';
import sharp from 'sharp';
import { everythingTo, deliveredRecords, errorCodeOf, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const SMS = '/webhooks/twilio/sms';
let sids = 0;
const nextSid = () => `SM${Date.now().toString(16)}${String((sids += 1)).padStart(8, '0')}`;

/** The reference in a TwiML acknowledgement. */
const referenceIn = (twiml: string) => /report ([0-9A-Z]{6})\b/.exec(twiml)?.[1];

describe('SMS and WhatsApp through Twilio, end to end', () => {
  let crm: LoopbackServer;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ id: 'CRM-1' }) }));
    twilioApi = await startTwilioStandIn();
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = everythingTo(crm);
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
    await twilioApi.close();
  });

  const text = (params: Record<string, string>) =>
    postAsTwilio(running.url, running.gateway.config, SMS, { MessageSid: nextSid(), To: TWILIO.number, ...params });
  const recordFor = (reference: string) => deliveredRecords(crm).find((record) => record.reference === reference);

  it('delivers a signed SMS to the CRM with the reporter and the location, and texts the status back', async () => {
    const sid = nextSid();
    const response = await text({ MessageSid: sid, From: '+14035550123', Body: 'big pothole outside 211 Bear St, almost lost a tire' });
    expect(response.status).toBe(200);
    const twiml = await response.text();
    expect(twiml).toMatch(
      /<Message>Town of Banff: we received your report ([0-9A-Z]{6})\. Thank you\. Follow it at http:\/\/127\.0\.0\.1\/track\/\1-[\w-]{16}<\/Message>/,
    );
    const reference = referenceIn(twiml)!;

    const record = await waitFor(() => recordFor(reference), 15_000, 'the CRM delivery');
    expect(record).toMatchObject({
      event: 'service_request.created',
      channel: 'sms',
      reporter: { phone: '+14035550123' },
      description: 'big pothole outside 211 Bear St, almost lost a tire',
      service_code: 'POTHOLE',
      location: { address: '211 Bear Street', precision: 'address', source: 'gazetteer', in_jurisdiction: true },
      source: { external_id: sid },
    });

    const status = await waitFor(() => twilioApi.messages().find((message) => message.Body.includes(reference)), 15_000, 'the status SMS');
    expect(status).toMatchObject({ To: '+14035550123', From: TWILIO.number });
  });

  it('refuses a badly signed SMS with a 403 and delivers nothing', async () => {
    const params = { MessageSid: nextSid(), From: '+14035550124', To: TWILIO.number, Body: 'streetlight out at 211 Banff Avenue' };
    const forged = await postAsTwilio(running.url, running.gateway.config, SMS, params, 'not-the-auth-token');
    expect(forged.status).toBe(403);
    expect(await errorCodeOf(forged)).toBe('forbidden');
    const unsigned = await fetch(`${running.url}${SMS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    expect(unsigned.status).toBe(403);
    await settle(1000);
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === '+14035550124')).toHaveLength(0);
  });

  it('makes one request of a MessageSid that Twilio sends twice', async () => {
    const params = { MessageSid: nextSid(), From: '+14035550125', Body: 'graffiti on the wall at 137 Banff Avenue' };
    const first = referenceIn(await (await text(params)).text());
    const second = referenceIn(await (await text(params)).text());
    expect(second).toBe(first);
    await waitFor(() => recordFor(first!), 15_000, 'the delivery');
    await settle();
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === '+14035550125')).toHaveLength(1);
  });

  it("fetches MMS photos from Twilio with the account's credentials into the media store, and places the report where the photo was taken", async () => {
    const elsewhere = await startLoopbackServer(() => ({ status: 200, body: 'not fetched' }));
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#554433' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Jane Citizen' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 3456/100', GPSLongitudeRef: 'W', GPSLongitude: '115/1 34/1 1668/100' },
      })
      .toBuffer();
    const twilioMedia = twilioApi.addMedia(photo, 'image/jpeg');
    const reference = referenceIn(
      await (
        await text({
          From: '+14035550126',
          Body: 'sidewalk slab broken and lifted, see the photo',
          NumMedia: '2',
          MediaUrl0: twilioMedia,
          MediaContentType0: 'image/jpeg',
          MediaUrl1: `${elsewhere.url}/photo.jpg`,
          MediaContentType1: 'image/jpeg',
        })
      ).text(),
    )!;
    const record = await waitFor(() => recordFor(reference), 15_000, 'the MMS delivery');
    await elsewhere.close();

    expect(record.media).toEqual([
      {
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1\/media\/[0-9A-Z]{26}\.jpg\?expires=\d+&signature=/),
        content_type: 'image/jpeg',
        name: null,
        bytes: expect.any(Number),
      },
      // a link no channel owns is passed on as given, and never fetched by the gateway
      { url: `${elsewhere.url}/photo.jpg`, content_type: 'image/jpeg', name: null, bytes: null },
    ]);
    expect(elsewhere.requests).toEqual([]);
    const fetches = twilioApi.requests.filter((request) => request.method === 'GET');
    expect(fetches.map((request) => request.headers.authorization)).toEqual([
      `Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`,
    ]);
    expect(record.location).toMatchObject({
      precision: 'coordinates',
      source: 'photo',
      in_jurisdiction: true,
      lat: expect.closeTo(51.17627, 4),
      long: expect.closeTo(-115.5713, 4),
    });

    // the public_url of these tests is a pretend proxy in front of the gateway: the same path and query, fetched directly
    const link = new URL(record.media[0]!.url);
    const served = await fetch(`${running.url}${link.pathname}${link.search}`);
    expect(served.status).toBe(200);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 400, height: 300 });
    expect(await exifr.parse(bytes)).toBeUndefined();
  });

  it('takes a WhatsApp location pin as a point with coordinates precision', async () => {
    const reference = referenceIn(
      await (
        await text({
          From: 'whatsapp:+14035550127',
          To: `whatsapp:${TWILIO.number}`,
          Body: 'fallen tree blocking the path here',
          Latitude: '51.1781',
          Longitude: '-115.5695',
        })
      ).text(),
    )!;
    const record = await waitFor(() => recordFor(reference), 15_000, 'the WhatsApp delivery');
    expect(record).toMatchObject({
      channel: 'whatsapp',
      reporter: { phone: '+14035550127' },
      location: { precision: 'coordinates', in_jurisdiction: true },
    });
    expect(record.location.lat).toBeCloseTo(51.1781, 4);
    expect(record.location.long).toBeCloseTo(-115.5695, 4);
    const status = await waitFor(
      () => twilioApi.messages().find((message) => message.Body.includes(reference)),
      15_000,
      'the WhatsApp status',
    );
    expect(status).toMatchObject({ To: 'whatsapp:+14035550127', From: `whatsapp:${TWILIO.number}` });
  });

  it('asks where, and completes the same request with the answer from the same number', async () => {
    const phone = '+14035550128';
    const first = await (await text({ From: phone, Body: 'the streetlight is out, it has been dark for days' })).text();
    const reference = referenceIn(first)!;
    const question = await waitFor(
      () => twilioApi.messages().find((message) => message.To === phone && message.Body.includes('Where is it?')),
      15_000,
      'the question',
    );
    expect(question.Body).toContain(reference);
    await settle();
    expect(recordFor(reference)).toBeUndefined();

    const answer = await (await text({ From: phone, Body: 'corner of Banff Ave and Wolf St' })).text();
    expect(answer).toContain(`<Message>Town of Banff: thank you, we added that to your report ${reference}.</Message>`);
    const record = await waitFor(() => recordFor(reference), 15_000, 'the completed delivery');
    expect(record).toMatchObject({
      channel: 'sms',
      service_code: 'STREETLIGHT',
      location: { precision: 'intersection', in_jurisdiction: true },
    });
    await settle();
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === phone)).toHaveLength(1);

    // the TwiML answers are in the conversation log with the question sent through the reply queue, in order
    // (the status text that follows the delivery may or may not be there yet)
    const turns = (await running.gateway.store.conversation(record.id)).slice(0, 5);
    const said = (markup: string) => /<Message>(.*)<\/Message>/.exec(markup)![1]!.replace(/&amp;/g, '&');
    expect(turns.map(({ from, kind, text }) => ({ from, kind: from === 'citizen' ? 'message' : kind, text }))).toEqual([
      { from: 'citizen', kind: 'message', text: 'the streetlight is out, it has been dark for days' },
      { from: 'intake', kind: 'acknowledgement', text: said(first) },
      { from: 'intake', kind: 'question', text: question.Body },
      { from: 'citizen', kind: 'message', text: 'corner of Banff Ave and Wolf St' },
      { from: 'intake', kind: 'acknowledgement', text: said(answer) },
    ]);
    expect(turns.every((turn) => turn.channel === 'sms')).toBe(true);
  });

  it('answers a French SMS in French: the acknowledgement, the question, the thanks for the answer and the status', async () => {
    const phone = '+14035550131';
    const first = await (
      await text({ From: phone, Body: 'Le lampadaire est éteint depuis trois jours, il fait très noir le soir' })
    ).text();
    expect(first).toMatch(
      /<Message>Town of Banff : nous avons bien reçu votre signalement ([0-9A-Z]{6})\. Merci\. Suivez-le sur http:\/\/127\.0\.0\.1\/track\/\1-[\w-]{16}<\/Message>/,
    );
    const reference = /signalement ([0-9A-Z]{6})\b/.exec(first)![1]!;
    const question = await waitFor(
      () => twilioApi.messages().find((message) => message.To === phone && message.Body.includes(reference)),
      15_000,
      'the question',
    );
    expect(question.Body).toBe(
      `Town of Banff : merci, votre signalement ${reference} est enregistré. Où se trouve le problème ? Répondez avec une adresse ou l’intersection la plus proche.`,
    );

    const answer = await (await text({ From: phone, Body: 'Banff Ave and Wolf St' })).text();
    expect(answer).toContain(`<Message>Town of Banff : merci, nous l’avons ajouté à votre signalement ${reference}.</Message>`);
    const record = await waitFor(() => recordFor(reference), 15_000, 'the completed delivery');
    expect(record).toMatchObject({ language: 'fr', service_code: 'STREETLIGHT', location: { precision: 'intersection' } });
    const delivered = await waitFor(
      () => twilioApi.messages().find((message) => message.To === phone && message.Body.includes('transmis')),
      15_000,
      'the status',
    );
    expect(delivered.Body).toBe(`Town of Banff : votre signalement ${reference} a été transmis à l’équipe responsable.`);
  });

  it('answers in the default language when the citizen writes one the town does not offer', async () => {
    const first = await (
      await text({ From: '+14035550132', Body: 'Hay un bache muy grande delante del 211 Bear St, casi pierdo una llanta' })
    ).text();
    expect(first).toMatch(
      /<Message>Town of Banff: we received your report ([0-9A-Z]{6})\. Thank you\. Follow it at http:\/\/127\.0\.0\.1\/track\/\1-[\w-]{16}<\/Message>/,
    );
    const record = await waitFor(() => recordFor(referenceIn(first)!), 15_000, 'the delivery');
    expect(record.language).toBe('es');
  });

  it('answers a flood of the same words from one number once: one acknowledgement, one status', async () => {
    const phone = '+14035550133';
    const answers: string[] = [];
    for (let i = 0; i < 6; i += 1)
      answers.push(
        await (await text({ From: phone, Body: i % 2 === 0 ? 'Broken swing at 211 Bear St!' : 'broken swing at 211 bear st' })).text(),
      );
    expect(answers.filter((twiml) => twiml.includes('<Message>'))).toHaveLength(1);
    expect(answers.slice(1)).toEqual(Array(5).fill('<?xml version="1.0" encoding="UTF-8"?><Response/>'));

    await waitFor(
      () => crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === phone).length === 6,
      15_000,
      'six deliveries',
    );
    await waitFor(() => twilioApi.messages().some((message) => message.To === phone), 15_000, 'the status');
    await settle(1500);
    expect(twilioApi.messages().filter((message) => message.To === phone)).toHaveLength(1);
  });

  it('records STOP, sends nothing more to that number, and takes START back', async () => {
    const phone = '+14035550129';
    expect(await (await text({ From: phone, Body: 'STOP' })).text()).toContain('you are unsubscribed');
    const silent = await (await text({ From: phone, Body: 'garbage not picked up at 211 Bear Street' })).text();
    expect(silent).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    await waitFor(() => crm.requests.find((received) => JSON.parse(received.body).reporter.phone === phone), 15_000, 'the delivery');
    await settle(1500);
    expect(twilioApi.messages().filter((message) => message.To === phone)).toEqual([]);

    expect(await (await text({ From: phone, Body: 'START' })).text()).toContain('you are subscribed again');
    expect(await running.gateway.context.optOuts.isOptedOut('sms', phone)).toBe(false);
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === phone)).toHaveLength(1);
  });

  it('answers HELP with the town and makes no request', async () => {
    const help = await (await text({ From: '+14035550130', Body: 'help' })).text();
    expect(help).toContain('Town of Banff service requests');
    await settle();
    expect(crm.requests.filter((received) => JSON.parse(received.body).reporter.phone === '+14035550130')).toHaveLength(0);
  });
});
