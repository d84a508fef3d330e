import { ChannelRegistry, channelSettingsSchemas, schemasOf, type Connector, type PluginSchemas } from '@intake/core';
import { emailConnector } from '@intake/connector-email';
import { open311Connector } from '@intake/connector-open311';
import { transcriptsConnector, voiceConnector } from '@intake/connector-phone';
import { slackConnector } from '@intake/connector-slack';
import { smsConnector } from '@intake/connector-sms';
import { vonageConnector } from '@intake/connector-vonage';
import { webConnector } from '@intake/connector-web';
import { geocoderPlugins } from '@intake/normalizer';
import { destinationPlugins } from '@intake/router';

/** Every channel the gateway can serve; each decides from the config whether it is on. */
export const connectors: Connector[] = [
  webConnector,
  smsConnector,
  voiceConnector,
  transcriptsConnector,
  emailConnector,
  open311Connector,
  slackConnector,
  vonageConnector,
];

/** The channels those connectors serve, with their traits: what the pipeline asks instead of naming channels. */
export const channels = ChannelRegistry.of(connectors);

export const pluginSchemas: PluginSchemas = {
  destinations: schemasOf(destinationPlugins),
  geocoders: schemasOf(geocoderPlugins),
  channels: { settings: channelSettingsSchemas(connectors), names: channels.names },
};
