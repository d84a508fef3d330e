import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files in one folder: `<id>` holds the bytes, `<id>.type` the content type. Written to a temporary name, then renamed, so a reader never sees half a file. */
export class LocalMediaStore implements MediaStore {
  constructor(private readonly dir: string) {}

  async put(id: string, { bytes, content_type }: StoredObject): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, id);
    await writeFile(`${file}.type`, content_type);
    await writeFile(`${file}.partial`, bytes);
    await rename(`${file}.partial`, file);
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
}
