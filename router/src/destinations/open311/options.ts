import { z } from 'zod';
import { HTTP_API_CONCURRENCY, destinationOptions } from '../options.js';

export const Open311Options = destinationOptions('open311', HTTP_API_CONCURRENCY).extend({
  /** the GeoReport v2 base, e.g. https://crm.example.org/open311/v2 */
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).transform((url) => url.replace(/\/+$/, '')),
  api_key: z.string().min(1),
  jurisdiction_id: z.string().min(1).optional(),
  /** Intake service code -> the CRM's; codes not listed are sent as they are */
  service_code_map: z.record(z.string(), z.string().min(1)).default({}),
  /** sent for requests Intake could not classify; without it they are refused (the CRM requires a code) */
  default_service_code: z.string().min(1).optional(),
  timeout_ms: z.number().int().positive().default(10_000),
  format: z.enum(['json', 'xml']).default('json'),
  /** how often to ask the CRM for the status of open requests; 0 never asks */
  poll_seconds: z.number().min(0).default(300),
});
export type Open311Options = z.infer<typeof Open311Options>;
