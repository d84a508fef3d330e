import path from 'node:path';
import { distanceMeters, type AddressQuery } from '@intake/core';
import { Gazetteer, geocodeWithGazetteer, readOpenAddresses } from '../src/index.js';
import { DEMO_CSV } from './helpers.js';
import { TOWN, writeTown } from './town.js';

const ask = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind'>): AddressQuery => ({ raw: '', number: null, unit: null, street: null, cross_street: null, ...fields });

describe('the Banff gazetteer', () => {
  const banff = Gazetteer.fromFile(DEMO_CSV);

  it('skips rows without a street or without a name left ("Drive") and merges spellings of one street', () => {
    const rows = readOpenAddresses(DEMO_CSV);
    expect(rows.every((row) => row.street !== '')).toBe(true);
    expect(banff.streets.has('drive')).toBe(false);
    expect(banff.streets.get('eagle crescent')?.points.some((p) => p.number === '150')).toBe(true); // "Eagle Cres(Rear)"
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
    const lot = (number: string, street: string) => banff.findStreets(street)!.streets[0]!.byNumber.get(number)![0]!;
    const [avenue, wolf] = [lot('317', 'Banff Avenue'), lot('204', 'Wolf Street')];
    expect(distanceMeters(found!, avenue)).toBeCloseTo(distanceMeters(found!, wolf), 0);
    expect(distanceMeters(found!, avenue) + distanceMeters(found!, wolf)).toBeCloseTo(distanceMeters(avenue, wolf), 0);
  });

  it('finds where a street ends against one beside it (Rainbow Avenue into Park Avenue), but no corner between parallel streets', () => {
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Rainbow Ave', cross_street: 'Park Ave' }))).toMatchObject({ precision: 'intersection' });
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Bear St', cross_street: 'Banff Ave' }))).toBeNull();
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Wolf St', cross_street: 'Caribou St' }))).toBeNull();
  });

  it('finds no crossing for streets that never meet', () => {
    expect(geocodeWithGazetteer(banff, ask({ kind: 'intersection', street: 'Banff Avenue', cross_street: 'Lynx Street' }))).toBeNull();
  });

  it('suggests completions for the web form', () => {
    expect(banff.suggest('211 Be', 5).map((s) => s.label)).toEqual(['211 Bear Street', '211 Beaver Street']);
    expect(banff.suggest('211 bear st', 5).map((s) => s.label)).toEqual(['211 Bear Street']);
    expect(banff.suggest('Marm', 10).map((s) => s.label)).toEqual(expect.arrayContaining(['Marmot Crescent', 'Marmot Place', 'Marmot Street']));
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

  it('places a street on one of its own addresses and a block among its numbers', () => {
    const street = geocodeWithGazetteer(town, ask({ kind: 'street', street: 'Elm' }));
    expect(street).toMatchObject({ precision: 'street', address: 'Elm Avenue' });
    expect(Math.abs(street!.lat - TOWN.elm)).toBeLessThan(0.0002);
    const block = geocodeWithGazetteer(town, ask({ kind: 'street', number: '500', street: 'Elm Ave' }));
    expect(block).toMatchObject({ precision: 'street', address: '500 block of Elm Avenue' });
  });
});
