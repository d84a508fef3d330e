import { buildVocabulary, extractAddresses, Gazetteer, parseSpelledNumber, type Extracted, type Vocabulary } from '../src/index.js';
import { DEMO_CSV } from './helpers.js';

const gazetteer = Gazetteer.fromFile(DEMO_CSV);
const vocabulary = buildVocabulary(
  gazetteer.streetNames(),
  [{ name: 'Banff Town Hall', aliases: ['town hall'], address: '110 Bear Street' }],
  ['Town of Banff'],
);

/** The best place found, as a short string a person can read in a failing assertion. */
function best(text: string, among: Vocabulary = vocabulary): string | null {
  const found = extractAddresses(text, among)[0];
  return found ? summary(found) : null;
}
function summary(found: Extracted): string {
  if (found.kind === 'point') return `point ${found.lat},${found.long}`;
  if (found.kind === 'landmark') return `landmark ${found.landmark.name}`;
  const q = found.query;
  if (q.kind === 'intersection') return `${q.street} & ${q.cross_street}`;
  if (q.kind === 'street') return q.number === null ? `street ${q.street}` : `${q.number} block ${q.street}`;
  return `${q.number} ${q.street}${q.unit ? ` unit ${q.unit}` : ''}`;
}

describe('extractAddresses on the Banff street list', () => {
  it.each([
    ['big pothole outside 211 bear st, almost lost a tire', '211 Bear Street'],
    ['211 Bear Street', '211 Bear Street'],
    ['#211 Bear', '211 Bear Street'],
    ['211 Baer St', '211 Bear Street'],
    ['211 BEAR ST.', '211 Bear Street'],
    ['unit 3, 211 Bear St', '211 Bear Street unit 3'],
    ['3-211 Bear St', '211 Bear Street unit 3'],
    ['211 Bear St #3 has no heat', '211 Bear Street unit 3'],
    ['in front of 123 banff avenue', '123 Banff Avenue'],
    ['trash at 400 Muskrat', '400 Muskrat Street'],
    ['Whisky Jack Cres needs plowing', 'street Whiskey Jack Crescent'],
    ['st. julien rd is icy', 'street Saint Julien Road'],
    ['big horn st', 'street Big Horn Street'],
  ])('%s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it.each([
    ['the 300 block of Banff Ave is a mess', '300 block Banff Avenue'],
    ['corner of Banff Ave and Wolf St', 'Banff Avenue & Wolf Street'],
    ['at the corner of banff and wolf', 'Banff Avenue & Wolf Street'],
    ['Wolf & Bear', 'Wolf Street & Bear Street'],
    ['stop sign down near wolfe & bear st', 'Wolf Street & Bear Street'],
    ['Caribou at Banff', 'Caribou Street & Banff Avenue'],
    ['light out at Banff Ave / Caribou St', 'Banff Avenue & Caribou Street'],
    ['near town hall', 'landmark Banff Town Hall'],
    ['streetlight out on Bear', 'street Bear Street'],
  ])('%s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it.each([
    ['51.1784, -115.5708 light out', 'point 51.1784,-115.5708'],
    ['at 51.1784 N 115.5708 W', 'point 51.1784,-115.5708'],
    ['lat: 51.1784 long: -115.5708', 'point 51.1784,-115.5708'],
    ['51°10\'42.2"N 115°34\'14.9"W', `point ${51 + 10 / 60 + 42.2 / 3600},${-(115 + 34 / 60 + 14.9 / 3600)}`],
    ['here https://www.google.com/maps/@51.1784,-115.5708,17z thanks', 'point 51.1784,-115.5708'],
    [
      'https://www.google.com/maps/place/Bear+St/@51.17,-115.57,15z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d51.1784!4d-115.5708',
      'point 51.1784,-115.5708',
    ],
    ['https://maps.google.com/?q=51.1784,-115.5708.', 'point 51.1784,-115.5708'],
    ['https://maps.apple.com/?ll=51.1784,-115.5708&q=Dropped%20Pin', 'point 51.1784,-115.5708'],
    ['https://www.openstreetmap.org/?mlat=51.1784&mlon=-115.5708#map=18/51.1790/-115.5700', 'point 51.1784,-115.5708'],
    ['https://www.openstreetmap.org/#map=18/51.17840/-115.57080', 'point 51.1784,-115.5708'],
    ['geo:51.1784,-115.5708;u=35', 'point 51.1784,-115.5708'],
    ['geo:0,0?q=51.1784,-115.5708(Pothole)', 'point 51.1784,-115.5708'],
    // a dropped pin's own place before the view centre: in decimals, as a search, in degrees and minutes
    ['https://www.google.com/maps/place/51.1784,-115.5708/@51.17,-115.57,17z', 'point 51.1784,-115.5708'],
    ['https://www.google.com/maps/search/51.1784,+-115.5708?entry=tts', 'point 51.1784,-115.5708'],
    [
      'https://www.google.com/maps/place/51%C2%B010%2742.2%22N+115%C2%B034%2714.9%22W/@51.17,-115.57,17z',
      `point ${51 + 10 / 60 + 42.2 / 3600},${-(115 + 34 / 60 + 14.9 / 3600)}`,
    ],
    // a place named by words is no pair of numbers: "Unit 5, 12 Bear St" is not 5, 12
    ['https://www.google.com/maps/place/Unit+5,+12+Bear+St/@51.1784,-115.5708,17z', 'point 51.1784,-115.5708'],
  ])('%s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it('prefers a pasted point over a street named beside it', () => {
    expect(best('on Bear St, exactly here geo:51.1784,-115.5708')).toBe('point 51.1784,-115.5708');
  });

  it.each([
    'saw a bear close to the school at 3pm for 2 hours, call 403-555-0123',
    'call me at 403 555 0123',
    'welcome to Banff, trash everywhere',
    'a bear and an elk in my yard',
    'it cost me $211 bear with me',
    'waited 2 hours, 10:30 now',
    'the wolf at the door',
  ])('finds no place in %s', (text) => {
    expect(extractAddresses(text, vocabulary).filter((found) => found.score >= 0.8)).toEqual([]);
  });

  it('gives a lowercase number before an animal name only a weak score', () => {
    const [found] = extractAddresses('I saw 2 bear cubs', vocabulary);
    expect(found?.score).toBeLessThan(0.8);
  });

  it('reports where in the text each place was written', () => {
    const text = 'pothole outside 211 bear st, please fix';
    const [found] = extractAddresses(text, vocabulary);
    expect(text.slice(found!.start, found!.end)).toBe('211 bear st');
  });
});

describe('extractAddresses as people say and write numbers and streets', () => {
  it.each([
    ['Caller: 128 Grizzly Street.', '128 Grizzly Street'],
    ['Graffitis sur le mur au 218 rue Bear', '218 Bear Street'],
    ['nos ordures au 112 avenue Banff', '112 Banff Avenue'],
    ['une grosse branche au 115, rue Grizzly', '115 Grizzly Street'],
    ['gros nid de poule au 127, rainbow ave', '127 Rainbow Avenue'],
    ['Se cayó un árbol en la calle Cougar', 'street Cougar Street'],
    ['la cuadra 300 de la avenida Banff', '300 block Banff Avenue'],
    ['dans le bloc 500 de la rue Buffalo', '500 block Buffalo Street'],
    ['pothole on Nahanni Dr. in front of 142, my rim is bent', '142 Nahanni Drive'],
    ['plow left a ridge on banff avenue by number 125', '125 Banff Avenue'],
    ['light pole at buffallo n otter street is dark', 'Buffalo Street & Otter Street'],
    ['generator running all night where park meets jasper way', 'Park Avenue & Jasper Way'],
    ["C'est près du coin de l'avenue Banff et Wolf", 'Banff Avenue & Wolf Street'],
    ['El paso está lleno de nieve aquí: Lat: 51.1769, Lon: -115.5717', 'point 51.1769,-115.5717'],
  ])('%s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it.each([
    ['Caller: one-twenty-five Spray Avenue', '125 Spray Avenue'],
    ['Caller: four oh four Wolf Street', '404 Wolf Street'],
    ['one hundred and five Bear Street', '105 Bear Street'],
    ['Appelant : au deux cent quatorze rue Bear', '214 Bear Street'],
    ['Llamante: ciento veinticinco avenida Banff', '125 Banff Avenue'],
  ])('reads a number said in words: %s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it('takes the place a caller corrects to, not the one taken back', () => {
    expect(best('Caller: two-fourteen, no sorry, 101 Bear')).toBe('101 Bear Street');
    expect(best('214 Bear St, no sorry, 101 Bear St')).toBe('101 Bear Street');
  });

  it.each([
    ['on Bear St at 7 tonight', 'street Bear Street'],
    ['on Bear St for 3 hours now', 'street Bear Street'],
    ['icy since nov 2, bear st is unplowed', 'street Bear Street'],
    ['two elk on Wolf Street', 'street Wolf Street'],
  ])('does not take a time, a count or a date for a house number: %s -> %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });
});

describe('parseSpelledNumber', () => {
  it.each([
    [['one', 'twenty', 'five'], 125],
    [['two', 'fourteen'], 214],
    [['twelve', 'oh', 'five'], 1205],
    [['twenty', 'two'], 22],
    [['one', 'hundred', 'and', 'five'], 105],
    [['cent', 'vingt', 'cinq'], 125],
    [['quatre', 'vingt', 'dix'], 90],
    [['soixante', 'quinze'], 75],
    [['doscientos', 'catorce'], 214],
    [['treinta', 'y', 'dos'], 32],
  ])('%j -> %d', (words, value) => {
    expect(parseSpelledNumber(words)).toBe(value);
  });

  it('is null for words that are not a number', () => {
    expect(parseSpelledNumber(['bear'])).toBeNull();
    expect(parseSpelledNumber(['oh'])).toBeNull();
  });
});

describe('extractAddresses in a town it was not built for', () => {
  const town = buildVocabulary(
    ['Rue Saint-Jean', 'Main St N', 'Main St S', 'Maple Grove Road', '1st Avenue', 'Calle Mayor'],
    [{ name: 'Old Mill', aliases: [], lat: 45, long: -73 }],
    ['Villeneuve'],
  );

  it.each([
    ['nid de poule devant le 12 rue Saint-Jean', '12 Rue Saint-Jean'],
    ['12 Main St N', '12 Main Street North'],
    ['18 Maple Grove Rd', '18 Maple Grove Road'],
    ['pothole on first ave', 'street 1st Avenue'],
    ['bache en Calle Mayor 5', '5 Calle Mayor'],
    ['by the Old Mill', 'landmark Old Mill'],
    ['coin de Saint-Jean et Main', 'Rue Saint-Jean & Main'],
  ])('%s -> %s', (text, expected) => {
    const [found] = extractAddresses(text, town);
    expect(found ? summary(found) : null).toBe(expected);
  });

  it('reads numbered streets it does not know, for an HTTP geocoder', () => {
    const [found] = extractAddresses('water leak at 77 Cedar Hollow Lane', town);
    expect(found?.kind === 'query' && found.query).toMatchObject({ kind: 'address', number: '77', street: 'Cedar Hollow Lane' });
  });
});

describe('extractAddresses with the spelling slips of a big city of street names', () => {
  // thousands of names that share first letters, so a slip is looked for among names of about its length only
  const syllables = ['ka', 'lo', 'mi', 'ra', 'ten', 'bo', 'su', 'vel', 'dor', 'an'];
  const made = Array.from({ length: 4000 }, (_, i) => {
    const name = [i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10, Math.floor(i / 1000)].map((k) => syllables[k]).join('');
    return `C${name} Street`;
  });
  const city = buildVocabulary([...made, 'Caribou Street', 'Copperfield Avenue', 'Cabot Street']);
  const found = (text: string) => {
    const [first] = extractAddresses(text, city);
    return first?.kind === 'query' && first.query.kind === 'address' ? first.query.street : null;
  };

  it.each([
    ['pothole at 12 Caribou St', 'Caribou Street'],
    ['pothole at 12 Carribou St', 'Caribou Street'],
    ['pothole at 12 Cairbou St', 'Caribou Street'],
    ['pothole at 12 Carbou St', 'Caribou Street'],
    ['pothole at 12 Copperfeld Ave', 'Copperfield Avenue'],
    ['pothole at 12 Copprfeld Ave', 'Copperfield Avenue'],
    ['pothole at 12 Coppperfieldd Ave', 'Copperfield Avenue'],
  ])('%s -> %s', (text, street) => {
    expect(found(text)).toBe(street);
  });

  it.each([
    ['pothole at 12 Crbou St', 'Caribou Street'],
    ['pothole at 12 Cprfeld Ave', 'Copperfield Avenue'],
    ['pothole at 12 Karibou St', 'Caribou Street'],
  ])('%s is too far from %s to be read for it', (text, street) => {
    expect(found(text)).not.toBe(street);
  });
});

describe('extractAddresses with a direction mistyped', () => {
  const town = buildVocabulary(['North Main Street', 'South Main Street', 'North Ridge Road', 'South Ridge Road', 'Oak Street']);
  const street = (text: string) => {
    const [first] = extractAddresses(text, town);
    return first?.kind === 'query' ? first.query.street : null;
  };

  it.each([
    ['pothole at 120 nrth main st', 'North Main Street'],
    ['streetlight out by 88 main st soth', 'South Main Street'],
    ['tree down at 14 norht ridge rd', 'North Ridge Road'],
  ])('%s -> %s', (text, expected) => {
    expect(street(text)).toBe(expected);
  });

  it('reads no direction into a street that has none', () => {
    expect(street('trash not picked up at 14 nrth oak st')).toBe('Oak Street');
  });
});

describe('extractAddresses on numbered roads, titled names and rural street types', () => {
  const town = buildVocabulary([
    'US Highway 41',
    'County Road 12',
    'State Route 31',
    'Old Highway 64',
    'State Road 7',
    'Dr. Martin Luther King Jr. Boulevard',
    'Mount Pleasant Road',
    'Depot Street',
    'Hartwell Pike',
    'Heron Cove',
    'Mockingbird Place',
    'Cherry Street',
  ]);
  it.each([
    ['water main break at 14567 county rd 12', '14567 County Road 12'],
    ['dead animal near 8356 us 41, starting to smell', '8356 US Highway 41'],
    ['bulky pickup for a fridge at 8151 US-41.', '8151 US Highway 41'],
    ['someone ran over the yield sign near 14216 cr-12', '14216 County Road 12'],
    ['Pile of tires dumped near 4172 TN-31.', '4172 State Route 31'],
    ['un bache muy hondo en el 1519 de la Old Hwy 64', '1519 Old Highway 64'],
    ['Dogs running loose on State Route 31 3778, one tried to bite my son', '3778 State Route 31'],
    ['crash on hwy 41 2 cars involved', 'street US Highway 41'],
    ['call me on hwy 41 at 615 555 0123, the dogs are loose', 'street US Highway 41'],
    ['call me on hwy 41 at 615-555-0123, the dogs are loose', 'street US Highway 41'],
    ['una fiesta con mucho ruido cerca del 14743 de la carretera del condado 12', '14743 County Road 12'],
    ['trash not picked up across from 646 martin luther king blvd', '646 Dr. Martin Luther King Jr. Boulevard'],
    ['my mom tripped at 447 Dr. Martin Luther King Jr. Blvd.', '447 Dr. Martin Luther King Jr. Boulevard'],
    ['Branch down at mlk blvd & Depot after the storm', 'Dr. Martin Luther King Jr. Boulevard & Depot Street'],
    ['where MLK Blvd meets Mt Pleasant Rd: two loose dogs', 'Dr. Martin Luther King Jr. Boulevard & Mount Pleasant Road'],
    ['un bache en el cruce de la Mockingbird pl con la Hartwell Pk', 'Mockingbird Place & Hartwell Pike'],
    ['hay un bache grande en la heon cove (no sé el número)', 'street Heron Cove'],
  ])('%s -> %s', (text, expected) => {
    expect(best(text, town)).toBe(expected);
  });

  it('reads "us" as a road only when a road of that number is named so', () => {
    expect(best('nobody called us 7 times about it', town)).toBeNull();
  });

  it('reads a lower-case name after "on" as its street when it is no English word, not when it is one', () => {
    expect(best('fallen tree blocking one lane on hartwell, noticed it at 7:30', town)).toBe('street Hartwell Pike');
    expect(best('the cat sat on cherry pie all day', town)).toBeNull();
  });
});
