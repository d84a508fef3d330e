import type { InboundMessageInput } from '@intake/core';

/** An SMS as the connector hands it to accept. */
export const smsFrom = (sid: string): InboundMessageInput => ({
  channel: 'sms',
  external_id: sid,
  text: 'streetlight out at 211 Bear St',
  sender: { phone: '+14035550123' },
});
