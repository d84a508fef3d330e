import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distanceMeters, type AddressQuery } from '@intake/core';
import { checkGazetteers, Gazetteer, geocodeWithGazetteer, readOpenAddresses } from '../src/index.js';
import { DEMO_CSV, testConfig } from './helpers.js';
import { TOWN, writeTown } from './town.js';

const ask = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind'>): AddressQuery => ({
  raw: '',
  number: null,
  unit: null,
  street: null,
  cross_street: null,
  ...fields,
});

describe('the Banff gazetteer', () => {
  const banff = Gazetteer.fromFile(DEMO_CSV);

  it('skips rows without a street or without a name left ("Drive") and merges spellings of one street', () => {
    const streets: string[] = [];
    const report = readOpenAddresses(DEMO_CSV, (row) => streets.push(row.street));
    expect(report).toEqual({ rows: streets.length, skipped: banff.report.skipped });
    expect(streets.every((street) => street !== '')).toBe(true);
    expect(banff.streets.has('drive')).toBe(false);
    expect(banff.points(banff.streets.get('eagle crescent')!).some((p) => p.number === '150')).toBe(true); // "Eagle Cres(Rear)"
  });

  it('finds an exact address at its own point', async () => {
    const found = geocodeWithGazetteer(banff, ask({ kind: 'address', number: '211', street: 'Bear St' }));
    expect(found).toMatchObject({ address: '211 Bear Street', precision: 'address', confidence: 1 });
    expect(distanceMeters(found!, { lat: 51.1773529, long: -115.5728006 })).toBeLessThan(1);
  });

  it('finds a misspelt street with a little less confidence', () => {
    const found = geocodeWithGazetteer(banff, ask({ kind: 'address', number: '211', street: 'Baer Street' }));
    expect(found).toMatchObject({ address: '211 Bear Street', precision: 'address' });
    expect(found!.confidence).toBeLessThan(1);
  });

  it('falls back to the street when the number does not exist, with low confidence', () => {
    const found = geocodeWithGazetteer(banff, ask({ kind: 'address', number: '9999', street: 'Bear Street' }));
    expect(found).toMatchObject({ address: 'Bear Street', precision: 'street' });
    expect(found!.confidence).toBeLessThan(0.5);
  });

  it('puts the crossing of Banff Avenue and Wolf Street between the two lots that flank the corner', () => {
    const found = geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Banff Ave', cross_street: 'Wolf St' }));
    expect(found).toMatchObject({ precision: 'intersection', address: 'Banff Avenue & Wolf Street' });
    const lot = (number: string, street: string) => banff.numberedPoints(banff.findStreets(street)!.streets[0]!, number)[0]!;
    const [avenue, wolf] = [lot('317', 'Banff Avenue'), lot('204', 'Wolf Street')];
    expect(distanceMeters(found!, avenue)).toBeCloseTo(distanceMeters(found!, wolf), 0);
    expect(distanceMeters(found!, avenue) + distanceMeters(found!, wolf)).toBeCloseTo(distanceMeters(avenue, wolf), 0);
  });

  it('finds where a street ends against one beside it (Rainbow Avenue into Park Avenue), but no corner between parallel streets', () => {
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Rainbow Ave', cross_street: 'Park Ave' }))).toMatchObject({
      precision: 'intersection',
    });
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Bear St', cross_street: 'Banff Ave' }))).toBeNull();
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Wolf St', cross_street: 'Caribou St' }))).toBeNull();
  });

  it('finds no crossing for streets that never meet', () => {
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Banff Avenue', cross_street: 'Lynx Street' }))).toBeNull();
  });

  it('suggests completions for the web form', () => {
    expect(banff.suggest('211 Be', 5).map((s) => s.label)).toEqual(['211 Bear Street', '211 Beaver Street']);
    expect(banff.suggest('211 bear st', 5).map((s) => s.label)).toEqual(['211 Bear Street']);
    expect(banff.suggest('Marm', 10).map((s) => s.label)).toEqual(
      expect.arrayContaining(['Marmot Crescent', 'Marmot Place', 'Marmot Street']),
    );
    expect(banff.suggest('', 5)).toEqual([]);
    expect(banff.suggest('211 Be', 1)).toHaveLength(1);
  });

  it('knows the nearest address to a point and its hull', () => {
    expect(banff.nearest({ lat: 51.17736, long: -115.5728 }, 20)?.number).toBe('211');
    expect(banff.nearest({ lat: 51.0, long: -115.0 }, 20)).toBeNull();
    expect(banff.hull()?.geometry.type).toBe('Polygon');
  });
});

describe('a gazetteer of a town made up for the test', () => {
  const town = Gazetteer.fromFile(path.join(path.dirname(writeTown()), 'points.csv'));

  it('counts the row it cannot read (no street)', () => {
    expect(town.report).toEqual({ rows: town.size, skipped: 1 });
  });

  it('spells streets the same whatever the case or abbreviation in the data', () => {
    expect([...town.streets.keys()].sort()).toEqual(['elm avenue', 'main street', 'oak street']);
    expect(town.streets.get('main street')!.name.display).toBe('Main Street');
  });

  it('computes the crossing of two streets from their address points, within a few metres of the truth', () => {
    const found = geocodeWithGazetteer(town, ask({ kind: 'intersection', street: 'Main Street', cross_street: 'Elm Avenue' }));
    expect(found?.precision).toBe('intersection');
    expect(distanceMeters(found!, { lat: TOWN.elm, long: TOWN.main })).toBeLessThan(5);
    expect(geocodeWithGazetteer(town, ask({ kind: 'intersection', street: 'Main Street', cross_street: 'Oak Street' }))).toBeNull();
  });

  it('interpolates a missing number between its neighbours on the same side', () => {
    const found = geocodeWithGazetteer(town, ask({ kind: 'address', number: '111', street: 'Main St' }));
    expect(found).toMatchObject({ precision: 'address', address: '111 Main Street' });
    expect(found!.confidence).toBeLessThan(1);
    expect(distanceMeters(found!, { lat: 45.002, long: TOWN.main - 0.0002 })).toBeLessThan(3);
  });

  it('uses the unit point when the data has it', () => {
    const found = geocodeWithGazetteer(town, ask({ kind: 'address', number: '103', unit: '2', street: 'Main Street' }));
    expect(found?.address).toBe('103 Main Street, Unit 2');
    expect(found!.lat).toBeCloseTo(45.0004, 6);
  });

  it('reads a unit written after its number ("103-2") when only that reading is one of the street\'s numbers', () => {
    const after = geocodeWithGazetteer(town, ask({ kind: 'address', number: '2', unit: '103', street: 'Main Street' }));
    expect(after).toMatchObject({ address: '103 Main Street, Unit 2', precision: 'address', confidence: 1 });
    expect(after!.lat).toBeCloseTo(45.0004, 6);
    // both numbers on the street: the unit first, as written
    const both = geocodeWithGazetteer(town, ask({ kind: 'address', number: '105', unit: '103', street: 'Main Street' }));
    expect(both).toMatchObject({ address: '105 Main Street, Unit 103', precision: 'address' });
  });

  it('places a street on one of its own addresses and a block among its numbers', () => {
    const street = geocodeWithGazetteer(town, ask({ kind: 'street', street: 'Elm' }));
    expect(street).toMatchObject({ precision: 'street', address: 'Elm Avenue' });
    expect(Math.abs(street!.lat - TOWN.elm)).toBeLessThan(0.0002);
    const block = geocodeWithGazetteer(town, ask({ kind: 'street', number: '500', street: 'Elm Ave' }));
    expect(block).toMatchObject({ precision: 'street', address: '500 block of Elm Avenue' });
  });

  it('places a street at its middle lot, however many units a building at one end has', () => {
    const lot = (number: number, unit: string | null = null) => ({
      lat: 45 + number * 0.0001,
      long: -75,
      number: String(number),
      street: 'Birch Lane',
      unit,
    });
    const towers = ['1', '2', '3', '4', '5', '6'].map((unit) => lot(9, unit));
    const lane = Gazetteer.fromRows([lot(1), lot(3), lot(5), lot(7), lot(9), ...towers]);
    const found = geocodeWithGazetteer(lane, ask({ kind: 'street', street: 'Birch Lane' }));
    expect(found).toMatchObject({ precision: 'street', address: 'Birch Lane' });
    expect(found!.lat).toBeCloseTo(45.0005, 6);
  });

  it('reads a name written without a direction as the street that has none, before the directional ones', () => {
    const lots = (street: string, lat: number) =>
      [421, 425, 429].map((number) => ({ lat: lat + number * 0.00001, long: -87.5, number: String(number), street, unit: null }));
    const town = Gazetteer.fromRows([
      ...lots('South Main Street', 36.1),
      ...lots('Main Street', 36.15),
      ...lots('North Main Street', 36.2),
    ]);
    expect(geocodeWithGazetteer(town, ask({ kind: 'address', number: '425', street: 'Main' }))).toMatchObject({
      address: '425 Main Street',
    });
    expect(geocodeWithGazetteer(town, ask({ kind: 'address', number: '425', street: 'S Main St' }))).toMatchObject({
      address: '425 South Main Street',
    });
  });
});

describe('reading an OpenAddresses file', () => {
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'intake-csv-')), 'points.csv');
    writeFileSync(file, text);
    return file;
  };

  it('reads every row when the line endings change part way through the file', () => {
    const rows = ['-75,45,1,Main St,', '-75,45.001,3,Main St,', '-75,45.002,5,Main St,', '-75,45.003,7,"Main St",'];
    const file = write(`LON,LAT,NUMBER,STREET,UNIT\r\n${rows[0]}\r\n${rows[1]}\n${rows[2]}\n${rows[3]}\r\n`);
    const town = Gazetteer.fromFile(file);
    expect(town.report).toEqual({ rows: 4, skipped: 0 });
    expect(town.numberedPoints(town.streets.get('main street')!, '7')).toHaveLength(1);
  });

  it('counts rows without a street or a valid point as skipped, and refuses a file without the columns', () => {
    const file = write('LON,LAT,NUMBER,STREET\n-75,45,1,Main St\n,,2,Main St\nabc,45,3,Main St\n-75,95,4,Main St\n-75,45,5,\n');
    expect(readOpenAddresses(file, () => undefined)).toEqual({ rows: 1, skipped: 4 });
    expect(() => readOpenAddresses(write('x,y\n1,2\n'), () => undefined)).toThrow(/not an OpenAddresses CSV/);
  });

  it('passes over empty lines, before the header too, without counting them as skipped', () => {
    const file = write('\nLON,LAT,NUMBER,STREET\n-75,45,1,Main St\n\n\r\n-75,45.001,3,Main St\n\n');
    expect(readOpenAddresses(file, () => undefined)).toEqual({ rows: 2, skipped: 0 });
  });
});

describe('config check of a gazetteer', () => {
  it('summarises a readable file and fails on a file whose rows are mostly unreadable', () => {
    const config = testConfig(writeTown());
    expect(checkGazetteers(config)).toEqual({
      summaries: [expect.stringMatching(/points\.csv: 63 address rows read, 1 skipped$/)],
      problems: [],
    });
    writeFileSync(path.join(config.base_dir, 'points.csv'), 'LON,LAT,NUMBER,STREET\n-75,45,1,Main St\nx,y,2,Main St\n,,3,\n');
    expect(checkGazetteers(config).problems).toEqual([
      expect.stringMatching(/^geocoding\.providers\.0\.file: most rows of .* are unreadable \(2 skipped, 1 read\)$/),
    ]);
  });
});
