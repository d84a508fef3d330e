import { IntakeError } from '@intake/core';
import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';

/** Every Open311 resource comes as `.json` or `.xml`. */
export type Format = 'json' | 'xml';

/** `requests.json` -> { name: 'requests', format: 'json' }; null when the extension is not one Open311 serves. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as Format } : null;
}

/** The format an error is answered in: the one the client asked for, JSON when that cannot be told. */
export const formatOfPath = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

/** Open311's error list: one `{ code, description }` per problem, `code` being the HTTP status. */
export class Open311Error extends IntakeError {
  constructor(
    status: number,
    readonly problems: string[],
    headers: Record<string, string> = {},
  ) {
    super(status, String(status), problems.join('; '), headers);
  }
}

// Empty elements written as <tag/>, as the CRMs' own answers do (see packages/testkit/conformance/open311/fixtures).
const builder = new XMLBuilder({ format: true, indentBy: '\t', suppressEmptyNode: true });
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** How a list looks in XML: `<service_requests><request>…</request></service_requests>`. */
export interface XmlList {
  root: string;
  item: string;
}

function sendXml(res: Response, status: number, document: Record<string, unknown>): void {
  res
    .status(status)
    .type('text/xml; charset=utf-8')
    .send(XML_DECLARATION + builder.build(document));
}

/** A JSON array, or in XML one `item` element per entry inside `root`. */
export function sendList(res: Response, format: Format, shape: XmlList, items: readonly object[], status = 200): void {
  if (format === 'json') res.status(status).json(items);
  else sendXml(res, status, { [shape.root]: { [shape.item]: items } });
}

/** A JSON object, or in XML its fields inside `root`. */
export function sendObject(res: Response, format: Format, root: string, object: object): void {
  if (format === 'json') res.json(object);
  else sendXml(res, 200, { [root]: object });
}

export function sendErrors(res: Response, format: Format, error: Open311Error): void {
  res.set(error.headers);
  const errors = error.problems.map((description) => ({ code: error.status, description }));
  sendList(res, format, { root: 'errors', item: 'error' }, errors, error.status);
}
