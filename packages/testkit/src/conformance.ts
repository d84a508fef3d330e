import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Vendored Open311 GeoReport v2 material (../conformance/open311/SOURCES.md): JSON Schemas and real CRMs' answers. */
export const OPEN311_CONFORMANCE = path.resolve(__dirname, '../conformance/open311');

/** A recorded CRM answer from `conformance/open311/fixtures`, as text. */
export const open311Fixture = (name: string): string => readFileSync(path.join(OPEN311_CONFORMANCE, 'fixtures', name), 'utf8');

/** A JSON Schema document: keywords by name (ajv's SchemaObject has this shape). */
export type JsonSchema = { [keyword: string]: unknown } & {
  properties?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
};

/** A GeoReport v2 JSON Schema from `conformance/open311/schema`, parsed. */
export const open311Schema = (name: string): JsonSchema => JSON.parse(readFileSync(path.join(OPEN311_CONFORMANCE, 'schema', name), 'utf8'));
