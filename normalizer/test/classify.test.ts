import { loadConfig } from '@intake/core';
import { buildClassifier, classify } from '../src/index.js';
import { linkConcepts } from '../src/lexicon-links.js';
import { DEMO_CONFIG } from './helpers.js';

const { services, classification } = loadConfig({ file: DEMO_CONFIG, env: {} });
const classifier = buildClassifier(services);

describe('classify against the catalogue keywords', () => {
  it.each([
    ['big pothole, almost lost a tire', 'POTHOLE'],
    ['potholes everywhere', 'POTHOLE'],
    ['there is a huge pot hole here', 'POTHOLE'],
    ['the street lights are out', 'STREETLIGHT'],
    ['garbage not collected', 'GARBAGE'],
    ['branches down after the storm', 'TREE'],
    ['loud music party next door', 'NOISE'],
    ['my basement is flooded', 'SEWER'],
    ['the hydrant is leaking', 'WATER'],
  ])('English: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'en' });
  });

  it.each([
    ['il y a un nid-de-poule énorme', 'POTHOLE'],
    ['le lampadaire est brisé', 'STREETLIGHT'],
    ['les arbres sont tombés', 'TREE'],
    ['DÉNEIGEMENT pas fait', 'SNOW'],
  ])('French, accents or not: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'fr' });
  });

  it.each([
    ['hay un bache enorme en la calle', 'POTHOLE'],
    ['la farola no funciona', 'STREETLIGHT'],
    ['un arbol caído bloquea el paso', 'TREE'],
    ['basura no recogida', 'GARBAGE'],
  ])('Spanish: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'es' });
  });

  it('forgives a typo in a long keyword, a little less surely', () => {
    const typo = classifier.classify('there is a potholle');
    expect(typo.code).toBe('POTHOLE');
    expect(typo.confidence).toBeLessThan(classifier.classify('there is a pothole').confidence);
  });

  it('is sure of one clear keyword, surer of several, and unsure of two problems named alike', () => {
    const one = classifier.classify('graffiti on the wall');
    const two = classifier.classify('graffiti and spray paint on the wall');
    const tie = classifier.classify('a pothole and graffiti');
    expect(one.confidence).toBeGreaterThanOrEqual(0.5);
    expect(two.confidence).toBeGreaterThan(one.confidence);
    expect(tie.confidence).toBeLessThan(0.5);
  });

  it('does not read an English stopword as a French keyword ("our" is not "ours")', () => {
    expect(classifier.classify('our recycling was missed').code).toBe('GARBAGE');
  });

  it('returns no code and no confidence when nothing matches', () => {
    expect(buildClassifier(services, 'OTHER').classify('something weird happened')).toMatchObject({ code: null, confidence: 0 });
  });
});

describe('classify with the built-in lexicon: what the catalogue does not list', () => {
  it.each([
    ['the lamp post at the end of the lane has been out for a week', 'STREETLIGHT'],
    ['someone dumped an old sofa and a box spring in the alley', 'DUMPING'],
    ['a tall spruce is leaning on the power line', 'TREE'],
    ['dead raven on the road, been there 2 days', 'WILDLIFE'],
    ['water coming up out of the road, looks like a main break', 'WATER'],
    ['a black truck is blocking my driveway', 'PARKING'],
    ['la lumière de rue ne fonctionne plus', 'STREETLIGHT'],
    ['se cayó una rama grande sobre la banqueta', 'TREE'],
    ['generator running all night, super loud', 'NOISE'],
  ])('%s -> %s', (text, code) => {
    expect(classifier.classify(text).code).toBe(code);
  });

  it('reads the noun a word qualifies, not the qualifier: a "bear bin", a "no parking sign"', () => {
    expect(classifier.classify('the bear bin is overflowing').code).toBe('GARBAGE');
    expect(classifier.classify('the no parking sign blew down').code).toBe('SIGN');
    expect(classifier.classify('pothole, graffiti').code).toBe('POTHOLE'); // a comma between: two things, not one
  });

  it('reads a word of state before a thing of another concept as what is wrong with it: "icy ruts", "slippery sidewalk"', () => {
    expect(classifier.classify('icy ruts on the road, my car got stuck').code).toBe('SNOW');
    expect(classifier.classify('slippery sidewalk downtown').code).toBe('SNOW');
    // a participle still qualifies its thing: the parked car is where the branch fell, not a parking complaint
    expect(classifier.classify('huge branch came down, just missed a parked car').code).toBe('TREE');
    expect(classifier.classify('dead tree in the park').code).toBe('TREE');
  });

  it('takes a place said not to have been cleared for where the snow is, in any language', () => {
    expect(classifier.classify('sidewalk not shovelled in front of the school').code).toBe('SNOW');
    expect(classifier.classify("Sidewalk hasn't been shovelled all week").code).toBe('SNOW');
    expect(classifier.classify('la banqueta sin despejar').code).toBe('SNOW');
    // what was cleared, or a repair not done, leaves the thing the subject
    expect(classifier.classify('the sidewalk was cleared but the curb is broken').code).toBe('SIDEWALK');
    expect(classifier.classify('sidewalk cracked, still not fixed').code).toBe('SIDEWALK');
  });

  it('takes what is in a place phrase for where, not what: ice on the sidewalk, a bear in the garbage', () => {
    expect(classifier.classify('sidewalk across from the library is pure ice, not sanded').code).toBe('SNOW');
    expect(classifier.classify('a bear in the garbage').code).toBe('WILDLIFE');
    expect(classifier.classify('the curb got cracked by the plow, a big piece is missing').code).toBe('SIDEWALK');
  });

  it('takes a thing said to be broken for the problem', () => {
    expect(classifier.classify('the curb at the corner is broken').code).toBe('SIDEWALK');
    expect(classifier.classify('loose manhole cover, bangs when cars go over it').code).toBe('SEWER');
  });

  it('is unsure (the fallback code) of a problem the catalogue does not have, rather than guessing from a hint', () => {
    expect(classifier.classify('the swing at the playground is broken, chain snapped').confidence).toBeLessThan(0.5); // "snapped" hints at a tree
    expect(classifier.classify('dog off leash chasing people').code).toBeNull();
  });

  it("does not read words of one language with another language's stems or as a slip of a real word", () => {
    expect(classifier.classify('my wheelchair cant get past the crack in the sidewalk').code).toBe('SIDEWALK'); // "past" is not "pasto"
    expect(classifier.classify('is the transfer station open on sundays').code).toBeNull(); // "station" is not "stationnement"
    expect(classifier.classify('the water is slowed down now').topics).not.toContain('snow and ice'); // "slowed" is not "snowed"
  });

  it('gives reports the same topics whatever their language', () => {
    const topics = ['gros nid de poule, faites attention', 'deep pothole', 'un bache enorme'].map(
      (text) => classifier.classify(text).topics,
    );
    expect(topics.every((found) => found.includes('pothole'))).toBe(true);
  });
});

describe('classify in a town with a terse catalogue of its own', () => {
  const terse = buildClassifier([
    { code: 'RD-1', name: 'Road repair', keywords: [] },
    { code: 'LGT', name: 'Street lights', keywords: [] },
    { code: 'VEH', name: 'Vehicles', group: 'Enforcement', keywords: [] },
    { code: 'ANM', name: 'Animal services', keywords: [] },
    { code: 'WST', name: 'Trash & recycling', keywords: [] },
    { code: 'H2O', name: 'Water and sewer', keywords: [] },
    { code: 'WNT', name: 'Winter maintenance', keywords: [] },
    { code: 'GEN', name: 'General inquiry', keywords: [] },
  ]);

  it.each([
    ['the lamp post by my house is flickering', 'LGT'],
    ['van parked across my driveway for two days', 'VEH'],
    ['raccoon in our bins again', 'ANM'],
    ['dog off leash chasing kids', 'ANM'],
    ['there is a pothole', 'RD-1'],
    ["nid de poule énorme devant l'école", 'RD-1'],
    ['la farola no funciona', 'LGT'],
    ['camión estacionado en la banqueta desde ayer', 'VEH'],
    ["les ordures n'ont pas été ramassées", 'WST'],
    ['recycling not picked up', 'WST'],
    ['water main break, water everywhere', 'H2O'],
    ['storm drain plugged, street flooding', 'H2O'],
    ['the sidewalk is a sheet of ice', 'WNT'],
  ])('%s -> %s', (text, code) => {
    const found = terse.classify(text);
    expect(found.code).toBe(code);
    expect(found.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('stays unsure of words it has no concept for', () => {
    expect(terse.classify('something smells weird')).toMatchObject({ code: null, confidence: 0 });
  });
});

describe('a catalogue of names and descriptions only', () => {
  const catalogue = [
    { code: 'MOW', name: 'Park mowing', group: 'Parks', description: 'Grass in a city park or median that needs cutting.', keywords: [] },
    { code: 'HYD', name: 'Fire hydrant damage', group: 'Water', description: 'A leaking, knocked over or open hydrant.', keywords: [] },
    { code: 'OTHER', name: 'Other', group: 'General', description: 'Anything else.', keywords: [] },
  ];

  it("uses each service's own name and description words", () => {
    expect(classify('the median on the boulevard has not been mowed, grass needs cutting', catalogue).code).toBe('MOW');
    expect(classify('someone knocked over the hydrant on my corner', catalogue).code).toBe('HYD');
  });

  it('knows feedback on the service from a report, where the catalogue has a service for it', () => {
    const parks = [
      { code: 'PARK', name: 'Park Maintenance', description: 'Benches, picnic tables and general upkeep in City parks.', keywords: [] },
      ...catalogue,
    ];
    const feedback = {
      code: 'FDB',
      name: 'Feedback on City Services',
      description: 'Compliments and complaints about staff.',
      keywords: [],
    };
    const withFeedback = buildClassifier([...parks, feedback], 'OTHER');
    expect(withFeedback.classify('kudos to the crew at the park, great work').code).toBe('FDB');
    expect(withFeedback.classify('the mower guy was rude to me').code).toBe('FDB');
    expect(withFeedback.classify('great job on the hydrant, but it is leaking again').code).toBe('HYD');
    // without such a service, praise says nothing of where a report goes
    expect(buildClassifier(parks, 'OTHER').classify('kudos to the crew at the park, the benches are broken again').code).toBe('PARK');
  });

  it('likens a word no term knows to a description by what it is a kind of ("hatchback": a car, an automobile)', () => {
    const described = [
      { code: 'CAR', name: 'Abandoned automobile', description: 'An automobile left on a public road for weeks.', keywords: [] },
      { code: 'KSK', name: 'Kiosk fault', description: 'A ticket kiosk whose screen fails.', keywords: [] },
      { code: 'OTH', name: 'Other', keywords: [] },
    ];
    expect(classify('a rusty hatchback sits there', described).code).toBe('CAR');
    expect(classify('a rusty zzqx sits there', described).code).toBeNull();
  });

  it('takes no word of a description that says where ("in front", "down along") as evidence of its service', () => {
    const described = [
      {
        code: 'TRE',
        name: 'Fallen tree',
        description: 'A tree or limb that fell in front of a home, or down along the road.',
        keywords: [],
      },
      { code: 'OTH', name: 'Other', keywords: [] },
    ];
    expect(classify('it is down there, in front', described).code).toBeNull();
    expect(classify('a limb fell on my car', described).code).toBe('TRE');
  });

  it('takes a description word the lexicon says tells nothing ("alley", "report") as telling nothing there either', () => {
    const described = [
      { code: 'POT', name: 'Potholes', description: 'Holes in a street or alley; report them here.', keywords: [] },
      { code: 'OTH', name: 'Other', keywords: [] },
    ];
    expect(classify('reporting something in the alley behind us', described).topics).toEqual([]);
    expect(classify('a pothole in the alley', described)).toMatchObject({ code: 'POT', topics: ['pothole'] });
  });

  it("sends a lexicon term to the service whose entry says it, before its concept's other services", () => {
    const water = [
      {
        code: 'MAIN',
        name: 'Water main break',
        description: 'Water running from the ground or a broken water main or pipe.',
        keywords: [],
      },
      { code: 'HYD', name: 'Fire hydrant damage', description: 'Knocked over or leaking hydrants.', keywords: [] },
    ];
    const targets = (phrase: string) => linkConcepts(water).find((term) => term.tokens.join(' ') === phrase)?.targets;
    expect(targets('fire hydrant')).toEqual(
      new Map([
        ['HYD', 1],
        ['MAIN', 0.5],
      ]),
    );
    expect(targets('water main')?.get('MAIN')).toBe(1);
    expect(targets('water gushing')?.get('MAIN')).toBe(1);
  });
});

describe('general 311 words a names-only catalogue does not say', () => {
  const catalogue = [
    { code: 'STRAY', name: 'Stray dog', group: 'Animals', description: 'A dog running loose.', keywords: [] },
    { code: 'BITE', name: 'Animal bite', group: 'Animals', description: 'A person or pet bitten by an animal.', keywords: [] },
    { code: 'TICKET', name: 'Parking enforcement', group: 'Parking', description: 'Cars parked where they may not be.', keywords: [] },
    { code: 'METER', name: 'Parking meter broken', group: 'Parking', description: 'A meter that does not work.', keywords: [] },
    { code: 'MISSED', name: 'Missed garbage', group: 'Waste', description: 'Garbage not collected on the day.', keywords: [] },
    { code: 'CART', name: 'Garbage cart repair', group: 'Waste', description: 'Repair or replacement of a cart.', keywords: [] },
    { code: 'ZONE', name: 'Zoning complaint', group: 'Code', description: 'Uses of a property its zoning does not allow.', keywords: [] },
    { code: 'OTHER', name: 'Other', group: 'General', description: 'Anything else.', keywords: [] },
  ];
  it.each([
    ["a neighbour's pit bull lunged at my son and attacked him", 'BITE'],
    ['the pay station ate my quarters', 'METER'],
    ['my bin lost a wheel and the lid is cracked', 'CART'],
    ['the house next door is an airbnb now', 'ZONE'],
  ])('%s -> %s', (text, code) => {
    expect(classify(text, catalogue).code).toBe(code);
  });
});

describe("a catalogue's own keyword, said as written", () => {
  const catalogue = buildClassifier([
    { code: 'DUMP', name: 'Illegal dumping', keywords: ['dumped'] },
    { code: 'TRASH', name: 'Missed collection', keywords: ['missed pickup'] },
    { code: 'BULK', name: 'Bulky item pickup', keywords: ['large item'] },
  ]);

  it('outweighs the lexicon word of another service beside it', () => {
    expect(catalogue.classify('garbage dumped here')).toMatchObject({ code: 'DUMP' });
    expect(catalogue.classify('garbage bags dumped in the lane')).toMatchObject({ code: 'DUMP' });
    expect(catalogue.classify('requesting large item pickup: a washer and a dryer')).toMatchObject({ code: 'BULK' });
    expect(catalogue.classify('garbage not collected')).toMatchObject({ code: 'TRASH' });
  });
});

describe('bulky items: a pickup asked for, or things dumped', () => {
  const both = buildClassifier([
    { code: 'DUMP', name: 'Illegal dumping', keywords: ['dumped', 'illegal dumping'] },
    { code: 'TRASH', name: 'Missed garbage collection', keywords: ['missed pickup', 'garbage'] },
    { code: 'BULK', name: 'Bulky item pickup', keywords: ['bulky items', 'retirer un sofa'] },
  ]);
  const dumpingOnly = buildClassifier([
    { code: 'DUMP', name: 'Illegal dumping', keywords: ['dumped', 'illegal dumping'] },
    { code: 'TRASH', name: 'Missed garbage collection', keywords: ['missed pickup', 'garbage'] },
  ]);

  // sure enough to be taken, above the default classification.min_confidence (0.45)
  it('takes a pickup of a big thing for the pickup service, and the same thing dumped for dumping', () => {
    const pickup = both.classify('could you come pick up an old armchair from our place');
    expect(pickup.code).toBe('BULK');
    expect(pickup.confidence).toBeGreaterThanOrEqual(0.5);
    const dumped = both.classify('somebody dumped an armchair behind the rink');
    expect(dumped.code).toBe('DUMP');
    expect(dumped.confidence).toBeGreaterThan(0.9);
    const tirado = both.classify('alguien tiraron un refrigerador en el terreno baldío');
    expect(tirado.code).toBe('DUMP');
    expect(tirado.confidence).toBeGreaterThan(0.9);
  });

  it('gives big things to dumping in a town that offers no pickup for them', () => {
    expect(dumpingOnly.classify('an armchair has been sitting by the mailboxes for days')).toMatchObject({ code: 'DUMP' });
    expect(dumpingOnly.classify('could you come pick up an old armchair from our place')).toMatchObject({ code: 'DUMP' });
  });

  it('takes the better of two fitting services when the words pull both ways, not the fallback', () => {
    // the town's own keywords: "matelas" for dumping, "ramasser un divan" for the pickup
    const townWords = buildClassifier([
      { code: 'DUMP', name: 'Illegal dumping', keywords: ['dumped', 'matelas'] },
      { code: 'BULK', name: 'Bulky item pickup', keywords: ['bulky items', 'ramasser un divan'] },
    ]);
    const { code, confidence } = townWords.classify('je voudrais faire ramasser un vieux divan et un matelas');
    expect(code).toBe('BULK');
    expect(confidence).toBeLessThan(0.5); // a near tie: below 0.5 whatever the evidence
    expect(confidence).toBeGreaterThanOrEqual(classification.min_confidence);
  });

  it("reads a catalogue's phrase with one word more inside it", () => {
    expect(both.classify('est-ce possible de retirer un vieux sofa chez nous')).toMatchObject({ code: 'BULK' });
  });
});

describe('weighing the evidence', () => {
  it('takes a thing said not to work for the problem, as surely as one said broken', () => {
    const said = (text: string) => classifier.classify(text).confidence;
    expect(said('the street lamp does not work')).toBeGreaterThan(said('the street lamp'));
    expect(said('le lampadaire ne marche plus')).toBeGreaterThan(said('le lampadaire'));
    expect(said('la farola ya no funciona')).toBeGreaterThan(said('la farola'));
  });

  it('reads a short street type as the street, never as a word spelled alike ("ave" is a bird in Spanish)', () => {
    expect(classifier.classify('vivo en la 5 ave, hay un bache').topics).toEqual(['pothole']);
  });

  it('takes what a caller calls about for the subject, not a place ("llamo por ...")', () => {
    const about = classifier.classify('llamo por un árbol caído');
    expect(about.code).toBe('TREE');
    expect(about.confidence).toBeGreaterThan(classifier.classify('cerca de un árbol caído').confidence);
  });

  it.each([
    ['a pit bull with no collar is running around', 'pets'],
    ['the lawn has not been mowed all summer', 'grass and weeds'],
    ['quelqu’un a tagué le mur du garage', 'graffiti'],
    ['le chien du voisin jappe toute la nuit', 'noise'],
    ['el camión de la basura no vino esta semana', 'garbage'],
    ['the pavement is cracked and crumbling', 'pothole'],
  ])('knows the common 311 word in "%s" (%s)', (text, topic) => {
    expect(classifier.classify(text).topics).toContain(topic);
  });

  it('reads "sans arrêt" (non-stop) as no stop sign', () => {
    expect(classifier.classify('la musique joue sans arrêt').topics).toEqual(['noise']);
  });
});

describe('weighing what a message is about', () => {
  it('counts a secondary concern ("Also ...", "oh and ...") less than the one it opens with, its keywords too', () => {
    expect(classifier.classify('the sign is bent. Also graffiti and spray paint all over the wall and the fence').code).toBe('SIGN');
    expect(classifier.classify('the sign is bent, oh and the trash cans were missed again and the recycling too').code).toBe('SIGN');
  });

  it("counts a secondary concern less in the likeness to a catalogue's descriptions too, and a clause that says it can wait", () => {
    const described = buildClassifier(
      [
        { code: 'KSK', name: 'Kiosk fault', description: 'A ticket kiosk whose screen or card reader fails.', keywords: [] },
        { code: 'FRY', name: 'Ferry landing', description: 'The ferry ramp, gangway and its ropes and rails.', keywords: [] },
        { code: 'OTH', name: 'Other', keywords: [] },
      ],
      'OTH',
    );
    expect(described.classify('the kiosk screen froze. Oh and the ferry ramp gangway rope rails wobble').code).toBe('KSK');
    expect(described.classify('the kiosk screen froze (the ferry ramp gangway rope rails wobble but that can wait)').code).toBe('KSK');
    expect(described.classify('the ferry ramp gangway rope rails wobble').code).toBe('FRY');
  });

  it('takes a keyword inside a longer phrase as the keyword said ("manhole" in "manhole cover")', () => {
    expect(classifier.classify('manhole cover rattles, very loud').code).toBe('SEWER');
  });

  it('takes a keyword said as where ("through a crack in the road") for where, not for its service', () => {
    const found = classifier.classify('water coming up through a crack in the road');
    expect(found.code).toBe('WATER');
    expect(found.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reads no place phrase across a comma ("devant le 12, le lampadaire")', () => {
    expect(classifier.classify('devant le 12, le lampadaire').confidence).toBeGreaterThan(
      classifier.classify('devant le lampadaire').confidence,
    );
  });

  it.each([
    ['le chien du voisin jappe sans arrêt', 'NOISE'],
    ['el perro ladra toda la noche', 'NOISE'],
  ])('takes a barking dog for noise: %s', (text, code) => {
    expect(classifier.classify(text).code).toBe(code);
  });
});

describe('words of general English', () => {
  it('takes a word of its own for itself, never for a slip of a lexicon word ("windows" is not "windrows")', () => {
    expect(classifier.classify('someone smashed my windows').topics).not.toContain('snow and ice');
    expect(classifier.classify('a huge windrw at the end of my driveway').topics).toContain('snow and ice');
  });

  it('weighs a description word by how seldom everyday English uses it: "people" tells little, "guardrail" much', () => {
    const described = [
      { code: 'BITE', name: 'Animal bites', description: 'An animal that is threatening people walking by.', keywords: [] },
      { code: 'RAIL', name: 'Road barriers', description: 'Bent or missing guardrails.', keywords: [] },
      { code: 'OTH', name: 'Other', keywords: [] },
    ];
    expect(classify('people walking by the bent guardrail', described).code).toBe('RAIL');
  });
});
