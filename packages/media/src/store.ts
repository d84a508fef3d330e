import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredObject {
  bytes: Buffer;
  content_type: string;
}

/** Where media bytes live; ids are chosen by Intake (never by the sender), so they are safe as file names and keys. */
export interface MediaStore {
  put(id: string, object: StoredObject): Promise<void>;
  /** null when there is no such object */
  get(id: string): Promise<StoredObject | null>;
  /** removes what a refused report had stored; nothing happens when there is no such object */
  delete(id: string): Promise<void>;
}

/** The store did not answer or refused us: the message says why for an operator, and holds no credentials. */
export class MediaStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaStoreError';
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files in one folder: `<id>` holds the bytes, `<id>.type` the content type. Written to a temporary name, then renamed, so a reader never sees half a file. */
export class LocalMediaStore implements MediaStore {
  constructor(private readonly dir: string) {}

  async put(id: string, { bytes, content_type }: StoredObject): Promise<void> {
    const file = path.join(this.dir, id);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${file}.type`, content_type);
      await writeFile(`${file}.partial`, bytes);
      await rename(`${file}.partial`, file);
    } catch (error) {
      // a full disk or a folder we may not write is the store failing, not the photo
      throw new MediaStoreError(`local put ${id}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}`);
    }
  }

  async get(id: string): Promise<StoredObject | null> {
    const file = path.join(this.dir, id);
    try {
      const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, 'utf8')]);
      return { bytes, content_type: contentType };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    const file = path.join(this.dir, id);
    await Promise.all([rm(file, { force: true }), rm(`${file}.type`, { force: true })]);
  }
}
