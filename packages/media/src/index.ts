import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { IntakeError, notFound, type LoadedConfig, type Logger, type Media, type MediaIntake } from '@intake/core';
import express, { type Router } from 'express';
import { ulid } from 'ulid';
import { reencodePhoto } from './images.js';
import { MediaLinks } from './links.js';
import { S3MediaStore } from './s3-store.js';
import { LocalMediaStore, MediaStoreError, type MediaStore } from './store.js';

export { reencodePhoto, type Reencoded } from './images.js';
export { MediaLinks, type LinkCheck } from './links.js';
export { S3MediaStore } from './s3-store.js';
export { LocalMediaStore, MediaStoreError, type MediaStore, type StoredObject } from './store.js';

/** Our own ids only: a ULID and the extension of what we wrote. Nothing else is looked up. */
const MEDIA_ID = /^[0-9A-HJKMNP-TV-Z]{26}\.(?:jpg|png|bin)$/;

/** Files that are not photos are served as downloads, never rendered on our origin. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

export interface MediaService {
  intake: MediaIntake;
  /** `GET /media/:id`, for the gateway to mount */
  router(): Router;
}

function linkSecret(config: LoadedConfig, log: Logger): string {
  if (config.media.signing_secret !== undefined) return config.media.signing_secret;
  if (config.server.admin_token !== undefined)
    return createHmac('sha256', config.server.admin_token).update('intake media links').digest('hex');
  log.warn('media.signing_secret and server.admin_token are not set: media links work only on this process until it restarts');
  return randomBytes(32).toString('hex');
}

function storeOf(config: LoadedConfig): MediaStore {
  const store = config.media.store;
  return store.type === 's3' ? new S3MediaStore(store) : new LocalMediaStore(path.resolve(config.base_dir, store.dir));
}

/** A citizen is told to try again; the operator's log says what the store answered. */
const storeUnavailable = () =>
  new IntakeError(503, 'media_store_unavailable', 'photos cannot be kept just now: try again in a minute', { 'Retry-After': '30' });

/** The media store, the signed links to it, and the route that serves them. */
export interface MediaServiceOptions {
  /** by default the store `media.store` names */
  store?: MediaStore;
  /** where links point; by default `server.public_url` */
  base?: string;
}

export function createMediaService(config: LoadedConfig, log: Logger, options: MediaServiceOptions = {}): MediaService {
  const store = options.store ?? storeOf(config);
  const base = options.base ?? config.server.public_url ?? `http://localhost:${config.server.port}`;
  const links = new MediaLinks(linkSecret(config, log), base, config.media.link_days * 86_400);

  /** A store's failure becomes a 503 for the sender and one log line for the operator; anything else is a bug and stays as it is. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof MediaStoreError)) throw error;
      log.warn({ store: config.media.store.type }, `media store: ${error.message}`);
      throw storeUnavailable();
    }
  }

  async function keep(bytes: Buffer, contentType: string, extension: string, name: string | null): Promise<Media> {
    const id = `${ulid()}.${extension}`;
    await guarded(() => store.put(id, { bytes, content_type: contentType }));
    return { url: links.url(id), content_type: contentType, name, bytes: bytes.length };
  }

  /** The id in one of our own links, or null for a link that is not ours (a passed-on URL). */
  const idOf = (url: string): string | null => {
    const id = links.idOf(url);
    return id !== null && MEDIA_ID.test(id) ? id : null;
  };

  const intake: MediaIntake = {
    async savePhoto(bytes, name) {
      const photo = await reencodePhoto(bytes, name);
      return { media: await keep(photo.bytes, photo.content_type, photo.extension, name), point: photo.point };
    },
    saveFile: (bytes, contentType, name) => keep(bytes, contentType, 'bin', name),
    async recall(url) {
      const id = idOf(url);
      const query = URL.canParse(url) ? new URL(url).searchParams : null;
      if (
        id === null ||
        query === null ||
        links.check(id, query.get('expires') ?? undefined, query.get('signature') ?? undefined) !== 'valid'
      )
        return null;
      const found = await guarded(() => store.get(id));
      return found === null ? null : { url, content_type: found.content_type, name: null, bytes: found.bytes.length };
    },
    async discard(media) {
      const ids = media.map((item) => idOf(item.url)).filter((id) => id !== null);
      // the refusal that led here is what the sender must hear: a store that fails now leaves the rest for the log
      const removed = await Promise.allSettled(ids.map((id) => store.delete(id)));
      const failed = removed.filter((result) => result.status === 'rejected').length;
      if (failed > 0) log.warn({ store: config.media.store.type, failed }, 'media store: could not remove the photos of a refused message');
    },
  };

  function router(): Router {
    const media = express.Router();
    media.get('/media/:id', async (req, res) => {
      const id = String(req.params.id);
      if (!MEDIA_ID.test(id)) throw notFound('no such media');
      const check = links.check(id, req.query.expires, req.query.signature);
      if (check === 'tampered') throw new IntakeError(403, 'invalid_link', 'this media link is not valid');
      if (check === 'expired')
        throw new IntakeError(410, 'expired_link', 'this media link has expired: ask for the request again to get a new one');
      const found = await guarded(() => store.get(id));
      if (found === null) throw notFound('no such media');
      const photo = PHOTO_TYPES.has(found.content_type);
      res
        .status(200)
        .set({
          'Content-Type': photo ? found.content_type : 'application/octet-stream',
          'Content-Length': String(found.bytes.length),
          'Content-Disposition': photo ? 'inline' : 'attachment',
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cache-Control': 'private, max-age=86400, immutable',
        })
        .end(found.bytes);
    });
    return media;
  }

  return { intake, router };
}
