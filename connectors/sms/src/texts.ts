import { shortReference, type LoadedConfig } from '@intake/core';

/** What the SMS webhook answers itself; everything later goes through the gateway's reply queue. */
export const smsText = {
  acknowledgement: (config: LoadedConfig, id: string) => `${config.jurisdiction.name}: we received your report ${shortReference(id)}. Thank you.`,
  continued: (config: LoadedConfig, continues: string) =>
    `${config.jurisdiction.name}: thank you, we added that to your report ${shortReference(continues)}.`,
  stopped: (config: LoadedConfig) => `${config.jurisdiction.name}: you are unsubscribed and will get no more messages from us. Reply START to subscribe again.`,
  started: (config: LoadedConfig) => `${config.jurisdiction.name}: you are subscribed again to messages about your reports. Reply STOP to unsubscribe.`,
  help: (config: LoadedConfig) => {
    const web = config.server.public_url === undefined ? '' : ` or use ${config.server.public_url}`;
    return `${config.jurisdiction.name} service requests: text us the problem and where it is (a street address or the nearest intersection)${web}. Msg & data rates may apply. Reply STOP to unsubscribe.`;
  },
};
