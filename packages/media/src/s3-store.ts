import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StoreConfig } from '@intake/core';
import { MediaStoreError, type MediaStore, type StoredObject } from './store.js';

/** A store that does not answer must not hold a citizen's post for long; the SDK retries twice within this. */
const CONNECT_MS = 3_000;
const REQUEST_MS = 15_000;

/** What the bucket's answer means for an operator, without the credentials or the server's own words (which may echo them). */
function reasonOf(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const credentials = ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'ExpiredToken'].includes(error.name);
    return `${error.name}${status === undefined ? '' : ` (HTTP ${status})`}${credentials ? ': check the store credentials' : ''}`;
  }
  // a socket error, or the SDK's wrapper of one it did not recognise as an Error (from another realm), which names it
  const code = (error as NodeJS.ErrnoException).code ?? /\b(E[A-Z]{4,})\b/.exec(String((error as Error).message))?.[1];
  if (code !== undefined) return `cannot reach the endpoint (${code})`;
  return error instanceof Error ? error.name : 'unknown error';
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * Objects in an S3-compatible bucket, one per id under `prefix`, with their content type as the object's own. The
 * bucket stays private: photos are served through the gateway's signed `/media` links (see the README for why).
 */
export class S3MediaStore implements MediaStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreConfig) {
    const { access_key_id: accessKeyId, secret_access_key: secretAccessKey } = options;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.force_path_style,
      credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : undefined,
      maxAttempts: 3,
      // the SDK's default CRC32 checksums on every put are not understood by many S3-compatible servers; TLS and
      // SigV4's payload hash already guard the bytes
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: CONNECT_MS, requestTimeout: REQUEST_MS },
    });
  }

  private key(id: string): string {
    return `${this.options.prefix}${id}`;
  }

  private failure(action: string, id: string, error: unknown): MediaStoreError {
    return new MediaStoreError(`s3 ${action} ${this.options.bucket}/${this.key(id)}: ${reasonOf(error)}`);
  }

  async put(id: string, { bytes, content_type }: StoredObject): Promise<void> {
    const command = new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(id), Body: bytes, ContentType: content_type });
    await this.client.send(command).catch((error: unknown) => {
      throw this.failure('put', id, error);
    });
  }

  async get(id: string): Promise<StoredObject | null> {
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(id) }));
      const bytes = Buffer.from((await found.Body?.transformToByteArray()) ?? []);
      return { bytes, content_type: found.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isMissing(error)) return null;
      throw this.failure('get', id, error);
    }
  }

  async delete(id: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(id) })).catch((error: unknown) => {
      throw this.failure('delete', id, error);
    });
  }
}
