import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@intake/core';
import { buildClassifier, learnTown, readLearnedModel } from '../src/index.js';
import { crossValidate, readExamples, similarities, type LearnedModel } from '../src/learn.js';
import { trainTown } from '../src/learn-town.js';

/** A made-up town whose catalogue, as its CRM exports it, has names only: the lexicon knows none of its words. */
const SERVICES = [
  { code: 'KSK-1', name: 'Kiosk fault', keywords: [] },
  { code: 'FRY-2', name: 'Ferry landing', keywords: [] },
  { code: 'OTH-9', name: 'Other', keywords: [] },
];
const HISTORY = [
  'description,service_code',
  '"the kiosk swallowed my card and printed nothing",KSK-1',
  'kiosk screen frozen again,KSK-1',
  '"card reader at the kiosk rejects every card",KSK-1',
  'the ferry ramp is stuck halfway,FRY-2',
  '"gangway to the ferry wobbles, rope frayed",FRY-2',
  'ferry ramp lights dead,FRY-2',
  'a row for a service the town no longer has,OLD-5',
  ',KSK-1',
].join('\r\n');

const FERRY_TOWN = { services: SERVICES, fallbackCode: 'OTH-9', jurisdictionId: 'ferry-town.example' };

let dataDir: string;
let history: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'intake-learn-'));
  history = path.join(dataDir, 'history.csv');
  writeFileSync(history, HISTORY);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('intake learn', () => {
  it('learns from past requests, skips rows it cannot use, cross-validates and keeps the model in the data dir', () => {
    const report = learnTown(FERRY_TOWN, history, dataDir);
    expect(report).toMatchObject({ read: 7, used: 6, services: 2, unknownCodes: ['OLD-5'] });
    expect(report.file).toBe(path.join(dataDir, 'learned', 'ferry-town.example.json'));
    expect(report.crossValidatedAccuracy).toBeGreaterThan(0.5);
    expect(readLearnedModel(report.file)).toMatchObject({
      version: 3,
      kind: 'logistic',
      examples: 6,
      cross_validated_accuracy: report.crossValidatedAccuracy,
    });
  });

  it('reads an Open311 requests.json as well', () => {
    const json = path.join(dataDir, 'requests.json');
    writeFileSync(
      json,
      JSON.stringify([
        { service_request_id: '1', service_code: 'KSK-1', description: 'kiosk screen frozen' },
        { service_request_id: '2', service_code: 'FRY-2', description: 'ferry ramp stuck' },
        { service_request_id: '3', service_code: 'FRY-2' },
      ]),
    );
    expect(learnTown(FERRY_TOWN, json, dataDir)).toMatchObject({ read: 2, used: 2 });
  });

  it('lets the classifier find services by what the town was told before, which the lexicon alone cannot', () => {
    const model = readLearnedModel(learnTown(FERRY_TOWN, history, dataDir).file)!;
    const text = 'my card got swallowed, screen frozen';
    expect(buildClassifier(SERVICES, 'OTH-9').classify(text).code).toBeNull();
    expect(buildClassifier(SERVICES, 'OTH-9', undefined, model).classify(text).code).toBe('KSK-1');
    expect(buildClassifier(SERVICES, 'OTH-9', undefined, model).classify('the gangway rope is frayed').code).toBe('FRY-2');
  });

  it('reads a new message by what it names first, as the town past is likened to it', () => {
    const model = readLearnedModel(learnTown(FERRY_TOWN, history, dataDir).file)!;
    const classifier = buildClassifier(SERVICES, 'OTH-9', undefined, model);
    expect(classifier.classify('gangway rope frayed and the card reader rejects cards').code).toBe('FRY-2');
    expect(classifier.classify('card reader rejects cards and the gangway rope frayed').code).toBe('KSK-1');
    expect(classifier.classify('ramp stuck, the screen is frozen').code).toBe('FRY-2');
  });

  it("learns the lexicon's concepts from past requests too: a past raccoon teaches where a skunk goes", () => {
    writeFileSync(history, [HISTORY, 'a raccoon is nesting under the ferry ramp,FRY-2', 'raccoons in the gangway again,FRY-2'].join('\n'));
    const model = readLearnedModel(learnTown(FERRY_TOWN, history, dataDir).file)!;
    expect(buildClassifier(SERVICES, 'OTH-9', undefined, model).classify('there is a skunk').code).toBe('FRY-2');
  });

  it('says what is wrong with a history it cannot use, and with a damaged model', () => {
    writeFileSync(history, 'text,code\nkiosk frozen,KSK-1\n');
    expect(() => learnTown(FERRY_TOWN, history, dataDir)).toThrow(/want columns description,service_code/);
    const broken = path.join(dataDir, 'broken.json');
    writeFileSync(broken, '{"version":2}');
    expect(() => readLearnedModel(broken)).toThrow(/not a learned model.*intake learn again/);
    expect(readLearnedModel(path.join(dataDir, 'none.json'))).toBeNull();
  });
});

describe("a town's past, learned as a logistic regression", () => {
  const PORT_ALDINE = path.resolve(__dirname, '../eval/towns/catalogue');

  it("tells services apart better than centroids of the same features did: Port Aldine's history cross-validated", () => {
    const { services, classification } = loadConfig({ file: path.join(PORT_ALDINE, 'intake.yaml'), env: {} });
    const classifier = buildClassifier(services, classification.fallback_code);
    const examples = readExamples(path.join(PORT_ALDINE, 'history.csv')).map((example) => ({
      ...example,
      topics: classifier.classify(example.text).topics,
    }));
    // centroids of these features: 83.5%; the regression 89.1%
    expect(crossValidate(examples)).toBeGreaterThan(0.87);
  }, 60_000); // five fits of the regression on 804 rows: about 5 s of CPU

  it('gives probabilities, and the same answers whatever order the history is in (a CRM export may be sorted by service)', () => {
    const rows = HISTORY.split('\r\n')
      .slice(1, 7)
      .map((row) => {
        const comma = row.lastIndexOf(',');
        return { text: row.slice(0, comma).replace(/"/g, ''), code: row.slice(comma + 1) };
      });
    const sorted = trainTown(
      SERVICES,
      'OTH-9',
      [...rows].sort((a, b) => a.code.localeCompare(b.code)),
    );
    const reversed = trainTown(SERVICES, 'OTH-9', [...rows].reverse());
    for (const text of ['the card reader is frozen', 'gangway lights dead', 'ramp stuck at the kiosk']) {
      const likeness = similarities(sorted, text);
      const best = (model: LearnedModel) => [...similarities(model, text)].sort((x, y) => y[1] - x[1])[0]![0];
      expect([...likeness.values()].reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
      expect(best(sorted)).toBe(best(reversed));
    }
    expect(similarities(sorted, 'zzz qqq')).toEqual(new Map()); // no feature it knows: no likeness at all
  });
});

describe('a catalogue without keywords', () => {
  /** Two services share a name word, so only their descriptions tell them apart. */
  const POOLS = [
    {
      code: 'POOL-1',
      name: 'Pool Repair',
      group: 'Recreation',
      description: 'Cracked tiles, broken ladders or a leaking filter at a public swimming pool.',
      keywords: [],
    },
    {
      code: 'POOL-2',
      name: 'Pool Water Quality',
      group: 'Recreation',
      description: 'Cloudy, green or foul-smelling water at a public swimming pool.',
      keywords: [],
    },
    {
      code: 'RINK-3',
      name: 'Skating Rink Upkeep',
      group: 'Recreation',
      description: 'Rough, slushy or cracked ice at an outdoor skating rink, and broken boards.',
      keywords: [],
    },
    { code: 'OTH-9', name: 'Other', keywords: [] },
  ];

  it('is read by its names and descriptions, slips and all, surely enough to pass the usual min_confidence', () => {
    const classifier = buildClassifier(POOLS, 'OTH-9');
    for (const [text, code] of [
      ['the ladr at the pool is brokn', 'POOL-1'],
      ['the pool tiels are craked', 'POOL-1'],
      ['pool smels foul', 'POOL-2'],
      ['rink ise is slushee', 'RINK-3'],
    ] as const) {
      const { code: got, confidence } = classifier.classify(text);
      expect([text, got]).toEqual([text, code]);
      expect(confidence).toBeGreaterThanOrEqual(0.5);
    }
  });
});
