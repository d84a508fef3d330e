import { isNotAPhoto, type DevicePoint, type InboundMessageInput, type Media, type MediaIntake } from '@intake/core';

/**
 * The message with its attachments in the media store: photos re-encoded without their metadata (the first EXIF
 * position kept as the photo's point), other accepted files as they are; an image that does not decode is noted.
 */
export async function storeAttachments(media: MediaIntake, message: InboundMessageInput, contents: Buffer[]): Promise<InboundMessageInput> {
  const stored: Media[] = [];
  const notKept: string[] = [];
  let photoPoint: DevicePoint | null = null;
  const keep = async (item: NonNullable<InboundMessageInput['media']>[number], bytes: Buffer) => {
    const type = item.content_type ?? 'application/octet-stream';
    if (!type.toLowerCase().startsWith('image/')) return stored.push(await media.saveFile(bytes, type, item.name ?? null));
    try {
      const photo = await media.savePhoto(bytes, item.name ?? null);
      stored.push(photo.media);
      photoPoint ??= photo.point;
    } catch (error) {
      if (!isNotAPhoto(error)) throw error;
      notKept.push(`${item.name ?? 'unnamed'} (${type}): not a readable image`);
    }
  };
  try {
    for (const [i, item] of (message.media ?? []).entries()) await keep(item, contents[i]!);
  } catch (error) {
    // the store failed: the email stays in the mailbox for a later try, and what was kept of it goes
    await media.discard(stored);
    throw error;
  }
  const context =
    notKept.length === 0
      ? message.context
      : { ...message.context, attachments_not_kept: [message.context?.attachments_not_kept, ...notKept].filter(Boolean).join('\n') };
  return { ...message, media: stored, photo_point: photoPoint, context };
}
