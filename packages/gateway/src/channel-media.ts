import { isNotAPhoto, type Connector, type InboundMessage, type LoadedConfig, type Media, type MediaIntake } from '@intake/core';

export interface ChannelMediaDeps {
  config: LoadedConfig;
  connectors: Connector[];
  media: MediaIntake;
}

/** The channel's own bytes for a link it claims (Twilio's MMS media), or null for a link no channel claims. */
async function fetchClaimed({ config, connectors }: ChannelMediaDeps, url: string) {
  for (const connector of connectors) {
    const fetched = await connector.fetchMedia?.(config, url);
    if (fetched) return fetched;
  }
  return null;
}

/**
 * Brings media the channel only links to (which a CRM could not open) into the media store, before normalizing:
 * photos are re-encoded and their EXIF position kept as the photo's point; what is not a photo is noted and dropped.
 * Links no channel claims are passed on as they are and never fetched.
 */
export async function importChannelMedia(deps: ChannelMediaDeps, message: InboundMessage): Promise<InboundMessage> {
  if (message.media.length === 0) return message;
  const media: Media[] = [];
  const notKept: string[] = [];
  let photoPoint = message.photo_point;
  const imported: Media[] = [];
  const bringIn = async (item: Media) => {
    // a photo that cannot be fetched is noted, never a reason to lose the report it came with
    const fetched = await fetchClaimed(deps, item.url).catch((error: Error) => {
      notKept.push(`${item.content_type ?? 'media'}: could not be fetched (${error.message})`);
      return undefined;
    });
    if (fetched === undefined) return;
    if (fetched === null) return media.push(item);
    try {
      const photo = await deps.media.savePhoto(fetched.bytes, item.name);
      media.push(photo.media);
      imported.push(photo.media);
      photoPoint ??= photo.point;
    } catch (error) {
      if (!isNotAPhoto(error)) throw error;
      notKept.push(`${fetched.content_type ?? 'unknown type'}, ${fetched.bytes.length} bytes: not a photo`);
    }
  };
  try {
    for (const item of message.media) await bringIn(item);
  } catch (error) {
    // the store failed: the job is tried again and imports them anew, so this try's copies go
    await deps.media.discard(imported);
    throw error;
  }
  const context = notKept.length === 0 ? message.context : { ...message.context, media_not_kept: notKept.join('\n') };
  return { ...message, media, photo_point: photoPoint, context };
}
