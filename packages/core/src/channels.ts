import type { z } from 'zod';
import type { Connector } from './plugins.js';
import type { Channel } from './schemas.js';

/** What the pipeline must know about a channel; every trait is off unless its connector declares it. */
export interface ChannelTraits {
  /** the connector's own answer to the provider already acknowledges (TwiML), so the pipeline sends none */
  acknowledgesInAnswer: boolean;
  /** the next message from the same phone number, soon after our question, answers it */
  followUpBySender: boolean;
  /** replies go to a phone number, written in E.164 so the sender and opt-outs match it */
  repliesByPhone: boolean;
  /** the sender's handle is the clerk who took the report (a call), not the person reporting */
  handledByClerk: boolean;
  /** the text can hold quotes, signatures and forwarding notes to tell apart from the report (mail) */
  quotesAndSignatures: boolean;
}

export interface ChannelDeclaration {
  name: Channel;
  traits?: Partial<ChannelTraits>;
}

const NO_TRAITS: ChannelTraits = {
  acknowledgesInAnswer: false,
  followUpBySender: false,
  repliesByPhone: false,
  handledByClerk: false,
  quotesAndSignatures: false,
};

/**
 * The channels the app serves, filled from its connectors (core knows none by name): their names, traits and the
 * schemas of their settings under `channels.<key>` in intake.yaml.
 */
export class ChannelRegistry {
  private readonly traitsByName: ReadonlyMap<string, ChannelTraits>;

  constructor(declarations: readonly ChannelDeclaration[]) {
    this.traitsByName = new Map(declarations.map((declaration) => [declaration.name, { ...NO_TRAITS, ...declaration.traits }]));
  }

  static of(connectors: readonly Pick<Connector, 'channels'>[]): ChannelRegistry {
    return new ChannelRegistry(connectors.flatMap((connector) => connector.channels));
  }

  get names(): string[] {
    return [...this.traitsByName.keys()];
  }

  has(channel: string): boolean {
    return this.traitsByName.has(channel);
  }

  traits(channel: string): ChannelTraits {
    return this.traitsByName.get(channel) ?? NO_TRAITS;
  }
}

/** The settings schemas of the connectors, by their key under `channels:`, for the config loader. */
export function channelSettingsSchemas(connectors: readonly Pick<Connector, 'key' | 'settings'>[]): Record<string, z.ZodType> {
  return Object.fromEntries(connectors.map((connector) => [connector.key, connector.settings]));
}

/**
 * A connector's settings, or undefined when its key is absent (the channel is off). The loader has reported any
 * problem in them already; reading them through the schema gives them their type and defaults in any config.
 */
export function settingsOf<S>(
  config: { channels: Record<string, unknown> },
  connector: Pick<Connector<S>, 'key' | 'settings'>,
): S | undefined {
  const raw = config.channels[connector.key];
  return raw === undefined ? undefined : connector.settings.parse(raw ?? {});
}
