import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The shared conformance material: the GeoReport v2 JSON Schemas and real CRMs' answers. */
export const CONFORMANCE_DIR = path.resolve(__dirname, '../../../../shared/conformance/open311');

const readJson = (file: string): Record<string, any> => JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'schema', file), 'utf8'));
export const fixture = (name: string) => readFileSync(path.join(CONFORMANCE_DIR, 'fixtures', name), 'utf8');

// The schemas carry keywords in places draft-07 does not look (minItems inside items): not strict.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// swagger's own format for ids; any string
ajv.addFormat('uid', true);
for (const file of ['request.json', 'service.json']) ajv.addSchema(readJson(file), file);
const swagger = readJson('swagger.json');

const schemas = {
  services: readJson('services.json'),
  'service-definition': readJson('service-definition.json'),
  requests: readJson('requests.json'),
  // swagger's definition of what POST requests answers (one entry of the list)
  'request-response': { type: 'array', items: swagger.definitions.RequestResponse, minItems: 1 },
};
export type SchemaName = keyof typeof schemas;
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<SchemaName, ValidateFunction>;

/** Throws with ajv's list of problems unless `body` validates against the named schema. */
export function expectValid(name: SchemaName, body: unknown): void {
  const validate = validators[name];
  if (!validate(body)) throw new Error(`not a valid ${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body, null, 2)}`);
}

const xmlParser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => ['request', 'service', 'error', 'attribute'].includes(name) });

/** Parses XML that must be well-formed (fast-xml-parser's validator says so first). */
export function parseXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})\n${xml}`);
  return xmlParser.parse(xml) as Record<string, any>;
}

/** The names of the elements of the first `item` inside `root`: the shape to compare with a fixture's. */
export const elementNames = (document: Record<string, any>, root: string, item: string): string[] => Object.keys(document[root][item][0]).sort();

const TYPED_SCHEMAS: Record<string, Record<string, any>> = { request: readJson('request.json'), service: readJson('service.json') };

/** The JSON types a schema allows a property (`type`, or each `anyOf` branch's). */
function allowedTypes(property: Record<string, any> | undefined): string[] {
  if (property === undefined) return ['string'];
  return property.anyOf ? property.anyOf.map((branch: { type: string }) => branch.type) : [property.type];
}

/** XML text read back as the schema types it: empty is null where null is allowed, numbers and booleans typed. */
export function typedFromXml(kind: 'request' | 'service', item: Record<string, string>): Record<string, unknown> {
  const properties = TYPED_SCHEMAS[kind]!.properties as Record<string, Record<string, any>>;
  return Object.fromEntries(
    Object.entries(item).map(([key, text]) => {
      const types = allowedTypes(properties[key]);
      if (text === '' && types.includes('null')) return [key, null];
      if (types.includes('number')) return [key, Number(text)];
      if (types.includes('boolean')) return [key, text === 'true' ? true : text === 'false' ? false : text];
      return [key, text];
    }),
  );
}
