import { IntakeError, type LoadedConfig, type MediaIntake, type SavedPhoto } from '@intake/core';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';

/** Form fields besides the photos: the report's own, a few of them long. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 20_000;

export const tooManyPhotos = (config: LoadedConfig) =>
  new IntakeError(400, 'too_many_photos', `send at most ${config.media.max_photos} photos`);

const TOO_MUCH: Record<string, (config: LoadedConfig) => IntakeError> = {
  LIMIT_FILE_SIZE: (config) =>
    new IntakeError(413, 'photo_too_large', `each photo must be at most ${Math.floor(config.media.max_bytes / 1024 / 1024)} MB`),
  LIMIT_FILE_COUNT: tooManyPhotos,
  LIMIT_UNEXPECTED_FILE: () => new IntakeError(400, 'unexpected_file', 'files go in the "photo" field, up to the photo limit'),
};

/**
 * multipart/form-data with `photo` (repeatable), held in memory within the limits, so nothing reaches disk
 * unchecked; other bodies pass through untouched.
 */
export function photoUpload(config: LoadedConfig): RequestHandler {
  const { max_bytes: fileSize, max_photos: files } = config.media;
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize, files, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + files },
  }).array('photo', files);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    parse(req, res, (error: unknown) => {
      if (error === undefined || error === null) return next();
      const code = (error as { code?: string }).code ?? '';
      const refusal =
        TOO_MUCH[code]?.(config) ?? new IntakeError(400, 'invalid_multipart', `the form could not be read: ${(error as Error).message}`);
      next(refusal);
    });
  };
}

/**
 * Each uploaded photo re-encoded and stored; a file whose bytes are not a photo, whatever it is called, refuses the
 * report (415), and so does a store that fails (503): either way the photos stored before it are removed again.
 */
export async function savePhotos(media: MediaIntake, files: Request['files']): Promise<SavedPhoto[]> {
  const uploads = Array.isArray(files) ? files : [];
  const saved: SavedPhoto[] = [];
  try {
    for (const file of uploads) saved.push(await media.savePhoto(file.buffer, file.originalname || null));
  } catch (error) {
    await media.discard(saved.map((photo) => photo.media));
    throw error;
  }
  return saved;
}
