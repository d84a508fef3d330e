import { ChannelRegistry } from '@intake/core';
import { emailConnector } from '@intake/connector-email';
import { transcriptsConnector, voiceConnector } from '@intake/connector-phone';
import { smsConnector } from '@intake/connector-sms';
import { webConnector } from '@intake/connector-web';

/**
 * The channels of the corpus, as their real connectors declare them: the normalizer is measured as the gateway
 * runs it. (Only the evaluation and the tests reach for connectors; the normalizer itself is given a registry.)
 */
export const corpusChannels = ChannelRegistry.of([webConnector, smsConnector, emailConnector, voiceConnector, transcriptsConnector]);
