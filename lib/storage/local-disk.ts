import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { contentTypeByExtension, isStorageKey, type Storage, type StoredObject } from "./types";

/** Files on the server's own disk, one per key, under `root` (created on demand). */
export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    // The key pattern already rules out traversal; resolving and checking the prefix is the
    // second lock on the same door.
    if (!isStorageKey(key)) throw new RangeError(`Not a storage key: ${JSON.stringify(key)}`);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new RangeError("Storage key escapes the storage root");
    return full;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const full = this.pathFor(key);
    await mkdir(path.dirname(full), { recursive: true });
    // Written beside and renamed into place: a reader never sees half a file.
    const temporary = `${full}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, full);
  }

  async get(key: string): Promise<StoredObject | null> {
    if (!isStorageKey(key)) return null;
    try {
      const body = await readFile(this.pathFor(key));
      return { body, contentType: contentTypeByExtension[key.split(".").pop()!] ?? "application/octet-stream" };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isStorageKey(key)) return;
    await rm(this.pathFor(key), { force: true });
  }
}
