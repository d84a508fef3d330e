import Ajv, { type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { open311Schema } from '@intake/testkit';

// The schemas carry keywords in places draft-07 does not look (minItems inside items): not strict.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// swagger's own format for ids; any string
ajv.addFormat('uid', true);
for (const file of ['request.json', 'service.json']) ajv.addSchema(open311Schema(file), file);
const swagger = open311Schema('swagger.json');

const schemas = {
  services: open311Schema('services.json'),
  'service-definition': open311Schema('service-definition.json'),
  requests: open311Schema('requests.json'),
  // swagger's definition of what POST requests answers (one entry of the list)
  'request-response': { type: 'array', items: swagger.definitions!.RequestResponse, minItems: 1 },
};
export type SchemaName = keyof typeof schemas;
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<
  SchemaName,
  ValidateFunction
>;

/** Throws with ajv's list of problems unless `body` validates against the named schema. */
export function expectValid(name: SchemaName, body: unknown): void {
  const validate = validators[name];
  if (!validate(body)) throw new Error(`not a valid ${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body, null, 2)}`);
}

const xmlParser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ['request', 'service', 'error', 'attribute'].includes(name),
});

/** XML read back: an element's text, or its children by name (a list where the element repeats). */
type XmlNode = string | XmlElement | XmlNode[];
export interface XmlElement {
  [name: string]: XmlNode | undefined;
}
/** A GeoReport v2 list in XML: `<root><item>...</item>...</root>`, each item's elements as text. */
export type XmlList<Root extends string, Item extends string> = { [R in Root]: { [I in Item]: Record<string, string>[] } };
/** Open311's error list in XML. */
export type XmlErrors = { errors: { error: { code: string; description: string }[] } };

/** Parses XML that must be well-formed (fast-xml-parser's validator says so first), as the shape the caller expects. */
export function parseXml<T extends object = XmlElement>(xml: string): T {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})\n${xml}`);
  return xmlParser.parse(xml) as T;
}

/** The names of the elements of the first `item` inside `root`: the shape to compare with a fixture's. */
export const elementNames = (document: object, root: string, item: string): string[] => {
  const items = ((document as Record<string, XmlElement>)[root]?.[item] ?? []) as XmlElement[];
  return Object.keys(items[0] ?? {}).sort();
};

const TYPED_SCHEMAS: Record<string, SchemaObject> = {
  request: open311Schema('request.json'),
  service: open311Schema('service.json'),
};

/** The JSON types a schema allows a property (`type`, or each `anyOf` branch's). */
function allowedTypes(property: SchemaObject | undefined): string[] {
  if (property === undefined) return ['string'];
  return property.anyOf ? property.anyOf.map((branch: { type: string }) => branch.type) : [property.type];
}

/** XML text read back as the schema types it: empty is null where null is allowed, numbers and booleans typed. */
export function typedFromXml(kind: 'request' | 'service', item: Record<string, string>): Record<string, unknown> {
  const properties = TYPED_SCHEMAS[kind]!.properties as Record<string, SchemaObject>;
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
