/** A stored file's bytes and what they are. */
export type StoredObject = { body: Buffer; contentType: string };

/**
 * Where uploaded files live. Keys are chosen by the shop, never by the uploader (see
 * STORAGE_KEY_PATTERN), so an implementation never has to make sense of a user's path.
 */
export interface Storage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * `<folder>/<32 hex digits>.<ext>`: nothing else is ever stored or served, so "..", slashes,
 * encoded separators and absolute paths cannot reach the disk at all.
 */
export const STORAGE_KEY_PATTERN = /^[a-z]+\/[0-9a-f]{32}\.(webp)$/;

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY_PATTERN.test(key);
}

export const contentTypeByExtension: Record<string, string> = { webp: "image/webp" };
