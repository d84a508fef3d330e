import { buildVocabulary, extractAddresses, Gazetteer, geocodeWithGazetteer, type AddressRow } from '../src/index.js';

/**
 * A made-up grid town: N and S Main St run north-south along x = 0, split at Center; E and W 1st Ave run east-west
 * 110 m north of Center, 1st St SE and 1st St SW 110 m south of it. Lots every 20 m, 12 m back, odd numbers on the
 * north and east sides. East Ridge Rd runs east-west 1 km north, so a direction word is also part of a name.
 */
const ORIGIN = { lat: 40.0, long: -100.0 };
const toLatLong = (x: number, y: number) => ({
  lat: ORIGIN.lat + y / 110_574,
  long: ORIGIN.long + x / (111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180)),
});

function street(name: string, along: 'x' | 'y', at: number, from: number, to: number, firstNumber: number): AddressRow[] {
  const rows: AddressRow[] = [];
  const step = from < to ? 20 : -20;
  for (let d = from, n = firstNumber; step > 0 ? d <= to : d >= to; d += step, n += 2) {
    for (const side of [1, -1]) {
      const [x, y] = along === 'x' ? [d, at + 12 * side] : [at + 12 * side, d];
      rows.push({ ...toLatLong(x, y), number: String(side === 1 ? n + 1 : n), street: name, unit: null });
    }
  }
  return rows;
}

const town = Gazetteer.fromRows([
  ...street('N Main St', 'y', 0, 30, 600, 100),
  ...street('S Main St', 'y', 0, -30, -600, 100),
  ...street('East 1st Avenue', 'x', 110, 30, 600, 100),
  ...street('W 1st Ave', 'x', 110, -30, -600, 100),
  ...street('1st St SE', 'x', -110, 30, 600, 100),
  ...street('1st St SW', 'x', -110, -30, -600, 100),
  ...street('East Ridge Rd', 'x', 1000, -600, 600, 1300),
  ...street('N Cedar St', 'y', 300, 30, 600, 100),
  ...street('S Cedar St', 'y', 300, -30, -600, 100),
  ...street('NE 12th St', 'y', 2000, 30, 600, 500),
]);
const vocabulary = buildVocabulary(town.streetNames(), [], ['Town of Gridley']);

/** The first place a text names in a town, found in its gazetteer. */
const placeIn = (gazetteer: Gazetteer, words: ReturnType<typeof buildVocabulary>) => (text: string) => {
  const [best] = extractAddresses(text, words);
  return best?.kind === 'query' ? geocodeWithGazetteer(gazetteer, best.query) : null;
};
const firstPlace = placeIn(town, vocabulary);

describe('places written the ways a grid town writes them', () => {
  it('takes a house number written after a typed street', () => {
    expect(firstPlace('garbage missed near East Ridge Rd 1311, thanks')).toMatchObject({
      address: '1311 East Ridge Road',
      precision: 'address',
    });
    expect(firstPlace('pothole by 1st st se 121 since monday')).toMatchObject({
      address: '121 1st Street Southeast',
      precision: 'address',
    });
    // a direction names the numbered street, and the number after its ordinal is its house, not a phone's digits
    expect(firstPlace('big limb down outside w 1st 121, blocking half the street')).toMatchObject({
      address: '121 West 1st Avenue',
      precision: 'address',
    });
    expect(firstPlace('call me at 785 555 0123 about it')).toBeNull();
  });

  it('reads a unit after its house number, as a unit before it', () => {
    expect(firstPlace('pothole at 121-4 n main st')).toMatchObject({ address: '121 North Main Street, Unit 4', precision: 'address' });
    expect(firstPlace('pothole at 4-121 n main st')).toMatchObject({ address: '121 North Main Street, Unit 4', precision: 'address' });
  });

  it('reads a direction the street list has, before or after a bare name, as naming the street', () => {
    expect(firstPlace('dead raccoon on 1st e somewhere')).toMatchObject({ address: 'East 1st Avenue', precision: 'street' });
    expect(firstPlace('water main break on n main, water everywhere')).toMatchObject({ address: 'North Main Street', precision: 'street' });
    expect(firstPlace('hydrant leaking at 521 n.e. 12th st.')).toMatchObject({
      address: '521 Northeast 12th Street',
      precision: 'address',
    });
  });

  it('chooses, of the streets a name can mean, the pair that truly cross', () => {
    const corner = firstPlace('water bubbling up through the pavement main and 1st st se');
    expect(corner).toMatchObject({ address: 'South Main Street & 1st Street Southeast', precision: 'intersection' });
    const truth = toLatLong(0, -110);
    expect(Math.abs(corner!.lat - truth.lat) * 110_574).toBeLessThan(25);
  });

  it('finds a bare crossing of two numbered or known streets, and no place in a bare name alone', () => {
    expect(firstPlace('grass knee high at 1st ave e and n main')).toMatchObject({
      address: 'East 1st Avenue & North Main Street',
      precision: 'intersection',
    });
    expect(firstPlace('the main thing is the noise')).toBeNull();
  });

  it('reads a crossing of two streets of one name told apart by the type written with one of them', () => {
    const shared = Gazetteer.fromRows([
      ...street('Third Street', 'y', 0, -600, 600, 100),
      ...street('Third Avenue', 'x', 0, -600, 600, 100),
    ]);
    const corner = placeIn(shared, buildVocabulary(shared.streetNames(), [], []));
    expect(corner('curb broken off at the corner of third and Third Avenue')).toMatchObject({
      address: 'Third Street & Third Avenue',
      precision: 'intersection',
    });
    expect(corner('light out at Third St and third')).toMatchObject({ address: 'Third Street & Third Avenue', precision: 'intersection' });
    // the same name twice, nothing telling them apart, is one street
    expect(corner('light out on third and third again')?.precision ?? 'none').not.toBe('intersection');
  });

  it('reads a one-word name written in two ("ridge view drive"), where the first word alone names another street', () => {
    const split = Gazetteer.fromRows([...street('Ridge Rd', 'x', 100, 30, 600, 100), ...street('Ridgeview Dr', 'y', 800, 30, 600, 100)]);
    const place = placeIn(split, buildVocabulary(split.streetNames(), [], []));
    expect(place('truck blocking the hydrant near 121 ridge view drive')).toMatchObject({
      address: '121 Ridgeview Drive',
      precision: 'address',
    });
    expect(place('pothole at 121 ridge rd')).toMatchObject({ address: '121 Ridge Road', precision: 'address' });
  });

  it('reads a bare crossing whose streets carry their directions in front ("n cedar n 1st": the second n joins them)', () => {
    expect(firstPlace('broken curb n cedar n 1st Thank you!')).toMatchObject({
      address: 'North Cedar Street & East 1st Avenue',
      precision: 'intersection',
    });
  });
});

/** A made-up quadrant city: numbered streets and avenues without ordinal endings in the data, a quadrant after each. */
const quadrants = Gazetteer.fromRows([
  ...street('3 St NW', 'y', 300, 30, 600, 100),
  ...street('3 St SW', 'y', 300, -30, -600, 100),
  ...street('4 Ave NW', 'x', 440, 30, 600, 100),
  ...street('4 St NW', 'y', 440, 30, 600, 100),
  ...street('Route 9', 'y', 200, 30, 600, 100),
  ...street('Highway 2B', 'x', 1000, 30, 600, 100),
]);
const quadrantWords = buildVocabulary(quadrants.streetNames(), [], []);
const quadrantPlace = placeIn(quadrants, quadrantWords);

describe('places in a quadrant city', () => {
  it('reads "3rd" for the data\'s "3" and a quadrant written in two words, dotted or in Spanish', () => {
    const address = { address: '121 3 Street Northwest', precision: 'address' };
    expect(quadrantPlace('storm drain blocked outside 121 3rd st. north west')).toMatchObject(address);
    expect(quadrantPlace('storm drain blocked outside 121 3 St N.W.')).toMatchObject(address);
    expect(quadrantPlace('no pasaron frente al 121 de la calle 3 noroeste')).toMatchObject(address);
  });

  it('tells a street and an avenue of one number apart at their corner, and reads no street in a bare number', () => {
    expect(quadrantPlace('signal flashing at 4 Ave NW and 4 St NW')).toMatchObject({
      address: '4 Avenue Northwest & 4 Street Northwest',
      precision: 'intersection',
    });
    expect(quadrantPlace('my kids are 3 and 4, they walk here')).toBeNull();
  });

  it('reads numbered highways and routes in Spanish (la carretera 2B, la ruta 9) and with a number mark (Hwy #2B)', () => {
    expect(quadrantPlace('hay pintas frente al 121 de la carretera 2B')).toMatchObject({ address: '121 Highway 2B', precision: 'address' });
    expect(quadrantPlace('pothole outside 121 Hwy #2B')).toMatchObject({ address: '121 Highway 2B', precision: 'address' });
    expect(quadrantPlace('banqueta levantada en la esquina de la ruta 9 y 4 ave noroeste')).toMatchObject({
      address: 'Route 9 & 4 Avenue Northwest',
      precision: 'intersection',
    });
  });

  it('reads half a quadrant after a typed street as the quadrant that holds it: "3 St. N." where there is no 3 St N', () => {
    expect(quadrantPlace('light out at 121 3 St. N. for a week')).toMatchObject({ address: '121 3 Street Northwest' });
    expect(quadrantPlace('light out at 121 3 st s for a week')).toMatchObject({ address: '121 3 Street Southwest' });
  });

  it("reads past a caller's hesitation and takes a number corrected alone", () => {
    expect(quadrantPlace("Caller: it's 121, um, 3rd street northwest")).toMatchObject({ address: '121 3 Street Northwest' });
    expect(quadrantPlace('Caller: 131 3 St NW, no sorry, 121.')).toMatchObject({ address: '121 3 Street Northwest' });
  });
});

describe('no place invented from common words', () => {
  it('reads no street where a common word only loosely spells a street type ("a caller" is no A Calle)', () => {
    const lettered = buildVocabulary(['A Street', 'B Street', 'Calle Mayor', 'Collar Lane'], [], []);
    const text = 'Voice message from a caller. The automatic transcription failed: please listen to the recording.';
    expect(extractAddresses(text, lettered)).toEqual([]);
  });

  it('reads a lettered street from its number or its capital letter, never from "a street light"', () => {
    const letters = Gazetteer.fromRows([
      ...street('A Street', 'x', 0, 30, 600, 100),
      ...street('B Avenue', 'y', 300, -600, 600, 100),
      ...street('Y Street', 'x', 600, 30, 600, 100),
    ]);
    const place = placeIn(letters, buildVocabulary(letters.streetNames(), [], []));
    expect(place('a street light is out, please fix')).toBeNull();
    expect(place('A street light is out. It has been dark for a week')).toBeNull();
    expect(place('hay basura y calle sucia')).toBeNull();
    expect(place('the light on A St is out')).toMatchObject({ address: 'A Street', precision: 'street' });
    expect(place('pothole in front of 121 a street')).toMatchObject({ address: '121 A Street', precision: 'address' });
    expect(place('123 B Avenue has a street light out')).toMatchObject({ address: '123 B Avenue', precision: 'address' });
  });
});

/** A made-up French village: Rue Saint-Michel north-south, Rue des Lilas and 1re Avenue east-west across it. */
const village = Gazetteer.fromRows([
  ...street('Rue Saint-Michel', 'y', 0, -600, 600, 100),
  ...street('Rue des Lilas', 'x', 200, 30, 600, 100),
  ...street('1re Avenue', 'x', -200, 30, 600, 100),
  ...street('Rue Hillcrest', 'x', -2000, -600, 600, 10),
  ...street("Avenue de l'Église", 'x', 400, 30, 600, 100),
  ...street('Chemin du Lac-des-Sables', 'x', 800, 30, 600, 100),
  ...street('Rue Alphonse-Desjardins', 'x', 1000, 30, 600, 100),
  ...street('Rue Notre-Dame', 'x', 1200, 30, 600, 100),
  ...street('Montée du Ruisseau', 'x', 1400, 30, 600, 100),
  ...street('Rue Sainte-Marie-Reine', 'y', 300, -600, 600, 100),
  ...street('Rue Tremblay', 'x', -400, -600, 600, 100),
]);
const villageWords = buildVocabulary(village.streetNames(), [], ['Village de Lilas']);
const villagePlace = placeIn(village, villageWords);

describe('places written the ways a French or Spanish speaker writes them', () => {
  it('reads crossing phrases: au coin de la rue X et de la rue Y, cruce de X con Y, esquina de X y Y', () => {
    const corner = { address: 'Rue Saint-Michel & Rue des Lilas', precision: 'intersection' };
    expect(villagePlace('banc de neige au coin de la rue St-Michel et de la rue des Lilas')).toMatchObject(corner);
    expect(villagePlace("à l'angle de la r. Saint-Michel et de la rue des Lilas, une mouffette morte")).toMatchObject(corner);
    expect(villagePlace('hay un bache en el cruce de la calle Saint-Michel con la rue des Lilas')).toMatchObject(corner);
    expect(villagePlace('en la esquina de la rue Saint-Michel y la rue des Lilas hay basura')).toMatchObject(corner);
    expect(villagePlace('nid de poule au croisement de la rue St-Michel avec la rue des Lilas')).toMatchObject(corner);
  });

  it('reads the number a street is given after it with an article: "sur la rue des Lilas devant le 121"', () => {
    expect(villagePlace('nid de poule sur la rue des Lilas devant le 121')).toMatchObject({ address: '121 Rue des Lilas' });
    expect(quadrantPlace('bache en la calle 3 noroeste frente a la 121')).toMatchObject({ address: '121 3 Street Northwest' });
  });

  it('reads "X entre A y B" as the block of X, and a bare "entre A y B" as their corner', () => {
    expect(villagePlace('lampadaire éteint rue des Lilas entre la rue Saint-Michel et la 1re avenue')).toMatchObject({
      address: 'Rue des Lilas',
      precision: 'street',
    });
    expect(villagePlace('hay basura entre la rue Saint-Michel y la rue des Lilas')).toMatchObject({
      address: 'Rue Saint-Michel & Rue des Lilas',
      precision: 'intersection',
    });
  });

  it('knows a numbered street in words and in its French spelling', () => {
    expect(villagePlace('la grille est pleine devant le 121 première avenue')).toMatchObject({
      address: '121 1re Avenue',
      precision: 'address',
    });
    expect(villagePlace('pothole at 121 1st Avenue')).toMatchObject({ address: '121 1re Avenue', precision: 'address' });
  });

  it('reads names with an apostrophe, long names written bare and lower case, and a number after a comma', () => {
    expect(villagePlace("le lampadaire avenue de l'Église 121 clignote")).toMatchObject({ address: "121 Avenue de l'Église" });
    expect(villagePlace("bris d'aqueduc sur notre-dame, l'eau sort")).toMatchObject({ address: 'Rue Notre-Dame', precision: 'street' });
    expect(villagePlace('rebuts à ramasser au 121, notre-dame merci')).toMatchObject({ address: '121 Rue Notre-Dame' });
    expect(villagePlace('un chevreuil mort sur le bord de la route notre-dame 121')).toMatchObject({ address: '121 Rue Notre-Dame' });
    expect(villagePlace('collecte des encombrants rue des lilas 121: frigo et laveuse')).toMatchObject({ address: '121 Rue des Lilas' });
    // the capital is on the name's first word past its particles: "sur des Lilas" names the street, "sur des lilas" lilacs
    expect(villagePlace('une branche est tombée sur des Lilas hier soir')).toMatchObject({ address: 'Rue des Lilas', precision: 'street' });
    expect(villagePlace("nid de poule sur de l'Église")).toMatchObject({ address: "Avenue de l'Église", precision: 'street' });
    expect(villagePlace('une branche est tombée sur des lilas')).toBeNull();
    // one word of a name that is also a word ("église") is no place without a number or a type
    expect(villagePlace("on se voit près de l'église")).toBeNull();
  });

  it('knows a long name by the part people write alone, when only one street has it', () => {
    expect(villagePlace("bris d'aqueduc près du 121 desjardins")).toMatchObject({ address: '121 Rue Alphonse-Desjardins' });
    expect(villagePlace('Tree fell across the road on chemin Lac-des-Sables')).toMatchObject({
      address: 'Chemin du Lac-des-Sables',
      precision: 'street',
    });
    expect(villagePlace('madame desjardins a appelé')).toBeNull();
  });

  it('takes a number before a bare numbered street as an address on it, or the street when the number is not there', () => {
    expect(villagePlace('pile of junk dumped at 121 1st overnight thanks')).toMatchObject({
      address: '121 1re Avenue',
      precision: 'address',
    });
    expect(villagePlace('pile of junk dumped at 987 1st overnight thanks')).toMatchObject({ address: '1re Avenue', precision: 'street' });
  });

  it('reads a name written with its own particle after "au 121," even with one word or a slip in it', () => {
    expect(villagePlace("Salut, musique à tue-tête au 121, de l'Église tous les soirs")).toMatchObject({
      address: "121 Avenue de l'Église",
      precision: 'address',
    });
    expect(villagePlace('gros rebuts à ramasser à côté du 121, du ruiseau merci')).toMatchObject({
      address: '121 Montée du Ruisseau',
      precision: 'address',
    });
    // "au 121," says the number is a place's: a bare name after it, capitalized or not, is its street
    expect(villagePlace('musique à tue-tête au 121, Tremblay tous les soirs')).toMatchObject({ address: '121 Rue Tremblay' });
    expect(villagePlace('musique à tue-tête au 121, tremblay tous les soirs')).toMatchObject({ address: '121 Rue Tremblay' });
    expect(villagePlace("j'en ai compté 121, tremblay aussi")).toBeNull();
    // a number not on the street still names the street, written lower case as a name that is no English word, as
    // the locator believes it (how surely the words name a place, times how surely the street was found)
    const believed = (text: string, words: typeof villageWords, gazetteer: Gazetteer) => {
      const [best] = extractAddresses(text, words);
      const found = best?.kind === 'query' ? geocodeWithGazetteer(gazetteer, best.query) : null;
      return found !== null && best!.score * found.confidence >= 0.4 ? found : null;
    };
    expect(believed('sewer smell and backup 987 tremblay, call me', villageWords, village)).toMatchObject({
      address: 'Rue Tremblay',
      precision: 'street',
    });
    expect(believed('3 cedar trees came down in the storm', vocabulary, town)).toBeNull();
    // the particle and a number make the name: a lone word of it is no place
    expect(villagePlace('il y a un ruisseau derrière chez nous')).toBeNull();
  });

  it('reads a misspelt name of several words with a number when a word of it is written right', () => {
    expect(villagePlace('bache frente al 121 de la notre-dmae')).toMatchObject({ address: '121 Rue Notre-Dame' });
    // one misspelt word alone, in lower case and without its type, is no name
    expect(villagePlace('bache frente al 121 de la tremblya')).toBeNull();
  });

  it('reads a crossing of the part of a long name and a misspelt name', () => {
    expect(villagePlace('no han quitado la nieve en sainte-marie y tremblya. desde hace 5 días.')).toMatchObject({
      address: 'Rue Sainte-Marie-Reine & Rue Tremblay',
      precision: 'intersection',
    });
    // two misspelt single names side by side are no crossing
    expect(villagePlace('lilsa y tremblya')).toBeNull();
  });

  it('takes the number a Spanish caller corrects, said before "de la" and the street', () => {
    expect(villagePlace('Es el 131, no, perdón, el 121 de la Hillcrest.')).toMatchObject({ address: '121 Rue Hillcrest' });
  });

  it("takes the problem's place over the writer's own address", () => {
    expect(villagePlace("J'habite au 12, rue Hillcrest, mais c'est pour un autre endroit : 121 rue des Lilas")).toMatchObject({
      address: '121 Rue des Lilas',
    });
    expect(villagePlace('vivo en 12 rue Hillcrest pero el problema está frente al 121 rue des Lilas')).toMatchObject({
      address: '121 Rue des Lilas',
    });
    expect(villagePlace('I live at 12, rue Hillcrest')).toMatchObject({ address: '12 Rue Hillcrest' });
  });
});

/**
 * A made-up desert town: Martin Luther King Jr Blvd runs east-west through the centre, O'Brien Rd north from it,
 * Paseo del Norte east-west 300 m north, Ninth and Eleventh Streets north-south 300 m west and east, Calle Ocho
 * east-west 300 m south, Eighth and First Streets apart in the west, Avenida de los Pinos 600 m north, and two numbered
 * roads: State Road 7 north-south 1 km east, Old Route 44 east-west 1 km south. A community centre is known by its Spanish name.
 */
const desert = Gazetteer.fromRows([
  ...street('Martin Luther King Jr Blvd', 'x', 0, -600, 600, 100),
  ...street("O'Brien Rd", 'y', 0, 30, 600, 100),
  ...street('Paseo del Norte', 'x', 300, -600, 600, 100),
  ...street('Ninth Street', 'y', -300, -600, 600, 100),
  ...street('Eleventh Street', 'y', 300, -600, 600, 100),
  ...street('Calle Ocho', 'x', -300, -600, 600, 100),
  ...street('Eighth Street', 'y', -700, -600, 600, 100),
  ...street('First Street', 'y', -900, -600, 600, 100),
  ...street('Avenida de los Pinos', 'x', 600, -600, 600, 100),
  ...street('State Road 7', 'y', 1000, -600, 600, 100),
  ...street('Old Route 44', 'x', -1000, -600, 600, 100),
  ...street('Mariposa Loop', 'x', -2000, -600, 600, 100),
]);
const centre = { name: 'Desert Community Center', aliases: ['el centro recreativo', 'the rec center'], ...toLatLong(100, 100) };
const desertWords = buildVocabulary(desert.streetNames(), [centre], ['City of Desert Springs']);
const desertPlaces = (text: string) => extractAddresses(text, desertWords);
const desertPlace = placeIn(desert, desertWords);

describe('places in a south-western town, named as its people say them', () => {
  const mlk = 'Martin Luther King Jr Boulevard';

  it('knows a long name by its initials and without the "Jr" in it', () => {
    expect(desertPlace('hydrant leaking on mlk since last night')).toMatchObject({ address: mlk, precision: 'street' });
    expect(desertPlace('pothole at 121 MLK Jr. Blvd')).toMatchObject({ address: `121 ${mlk}`, precision: 'address' });
    expect(desertPlace('pothole at 121 Martin Luther King Blvd')).toMatchObject({ address: `121 ${mlk}`, precision: 'address' });
    expect(desertPlace('sign bent where Ninth St meets MLK Jr Blvd')).toMatchObject({
      address: `Ninth Street & ${mlk}`,
      precision: 'intersection',
    });
    expect(desertPlace('el letrero está doblado en la esquina de la calle 9 y la MLK')).toMatchObject({
      address: `Ninth Street & ${mlk}`,
      precision: 'intersection',
    });
  });

  it("reads no direction in the O of O'Brien nor in the Norte of Paseo del Norte", () => {
    expect(desertPlace("ruts all over 121 O'Brien Road")).toMatchObject({ address: "121 O'Brien Road", precision: 'address' });
    expect(desertPlace('ruts all over 121 obrien rd')).toMatchObject({ address: "121 O'Brien Road", precision: 'address' });
    // a slip after a short first word written right keeps the number before it
    expect(desertPlace("ruts all over 121 o'brein rd")).toMatchObject({ address: "121 O'Brien Road", precision: 'address' });
    expect(desertPlace('graffiti on the wall at Paseo del Norte and Ninth St')).toMatchObject({
      address: 'Paseo del Norte & Ninth Street',
      precision: 'intersection',
    });
  });

  it('knows the one street whose name begins with a type no other street has by that type alone, at a corner only', () => {
    const corner = { address: 'Ninth Street & Paseo del Norte', precision: 'intersection' };
    expect(desertPlace('the bus shelter on ninth at paseo got tagged')).toMatchObject(corner);
    const paseoFirst = { address: 'Paseo del Norte & Ninth Street', precision: 'intersection' };
    expect(desertPlace('graffiti at paseo & ninth st')).toMatchObject(paseoFirst);
    expect(desertPlace('graffiti at paseo del norte and ninth st')).toMatchObject(paseoFirst);
    expect(desertPlace('took a paseo on ninth street')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('hay basura en el paseo')).toBeNull();
    // "calle" is any street's word, though only Calle Ocho has it: "la 9 y la calle" is Ninth Street alone
    expect(desertPlace('el semáforo en la 9 y la calle está apagado')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    // with two streets of that type, the type alone names neither
    const twoPaseos = buildVocabulary(['Paseo del Norte', 'Paseo del Sur', 'Ninth Street'], [], []);
    expect(extractAddresses('the bus shelter on ninth at paseo got tagged', twoPaseos)).toMatchObject([
      { query: { kind: 'street', street: 'Ninth Street' } },
    ]);
  });

  it('reads a loop as a street type, and a name after "por la" as the street it runs along', () => {
    expect(desertPlace('ruts all over 121 mariposa lp')).toMatchObject({ address: '121 Mariposa Loop', precision: 'address' });
    expect(desertPlace('hay un animal muerto por la old route 44')).toMatchObject({ address: 'Old Route 44', precision: 'street' });
    expect(desertPlace('hay ruido por la noche, por favor')).toBeNull();
  });

  it('knows a landmark without the article its alias is written with ("al centro recreativo")', () => {
    const [best] = desertPlaces('la calle está inundada junto al centro recreativo');
    expect(best).toMatchObject({ kind: 'landmark', landmark: { name: 'Desert Community Center' } });
  });

  it("knows a numbered road by any route word or a state's capitals with its number", () => {
    for (const said of ['hwy 7', 'SR 7', 'NM 7', 'state route 7', 'highway 7'])
      expect(desertPlace(`pothole on ${said} by the gas station`)).toMatchObject({ address: 'State Road 7', precision: 'street' });
    expect(desertPlace('Caller: roll cart missed at 121 route 44.')).toMatchObject({ address: '121 Old Route 44', precision: 'address' });
    expect(desertPlace('nobody called us 7 times about it')).toBeNull();
  });

  it('reads a numbered street alone after a location word, or a cardinal after "calle", never a date or "at first"', () => {
    expect(desertPlace('storm drain plugged on ninth, water curb to curb')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('storm drain plugged on 9th')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('hay un animal muerto en la esquina de la calle once y la calle ocho')).toMatchObject({
      address: 'Eleventh Street & Calle Ocho',
      precision: 'intersection',
    });
    expect(desertPlace('basura tirada frente al 121 de la calle ocho')).toMatchObject({ address: '121 Calle Ocho' });
    // a numbered street in words with a slip in it, typed as a street: "nineth street", "elevnth st"
    expect(desertPlace('pothole in front of 121 nineth street')).toMatchObject({ address: '121 Ninth Street', precision: 'address' });
    expect(desertPlace('the light on elevnth st is out')).toMatchObject({ address: 'Eleventh Street', precision: 'street' });
    expect(desertPlace('the light on nineth is out')).toBeNull();
    expect(desertPlace('pickup was missed on the 9th, again')).toBeNull();
    expect(desertPlace('at first I thought it was a raccoon')).toBeNull();
    expect(desertPlace('the light on First is out')).toMatchObject({ address: 'First Street', precision: 'street' });
  });

  it('reads a number or an ordinal after "la" as the numbered street it stands for ("en la 9" is la calle 9), never a time', () => {
    expect(desertPlace('hay un bache en la 9')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('hay un bache en la novena')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('basura tirada frente al 121 de la 9')).toMatchObject({ address: '121 Ninth Street', precision: 'address' });
    expect(desertPlace('se cayó el semáforo en la esquina de la 9 y la calle ocho')).toMatchObject({
      address: 'Ninth Street & Calle Ocho',
      precision: 'intersection',
    });
    expect(desertPlace('pasé por la 9 y estaba todo inundado')).toMatchObject({ address: 'Ninth Street', precision: 'street' });
    expect(desertPlace('por la novena vez no pasaron por la basura')).toBeNull();
    expect(desertPlace('el camión pasa a la 9 de la mañana')).toBeNull();
    expect(desertPlace('hay basura desde la 9 de la noche')).toBeNull();
  });

  it('knows a name by its words after "de" when the capital on the article says it is a name', () => {
    expect(desertPlace('sidewalk heaved up on Los Pinos, trip hazard')).toMatchObject({
      address: 'Avenida de los Pinos',
      precision: 'street',
    });
    expect(desertPlace('los pinos están secos, los vecinos no riegan')).toBeNull();
  });
});
