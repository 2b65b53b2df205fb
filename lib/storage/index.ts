import "server-only";
import path from "node:path";
import { LocalDiskStorage } from "./local-disk";
import type { Storage } from "./types";

export type { Storage, StoredObject } from "./types";
export { isStorageKey } from "./types";

/**
 * The shop's file storage. Local disk under .data/uploads (created on first write, so a clean
 * clone needs nothing); a cloud bucket would be another Storage with the same three methods.
 */
let storage: Storage | undefined;

export function getStorage(): Storage {
  storage ??= new LocalDiskStorage(path.resolve(process.cwd(), ".data/uploads"));
  return storage;
}
