export type TagTimes = { stale?: number; expired?: number };
export type Manifest = Map<string, TagTimes>;
export declare const CHANNEL: string;
export declare function applyExpiry(manifest: Manifest, tags: string[], stale: boolean, expireMs: number | null, now: number): void;
export declare function mergeStored(manifest: Manifest, rows: { tag: string; stale: number | null; expired: number | null }[]): void;
export type TagSync = {
  instance: string;
  readonly reloads: number;
  ready(): Promise<unknown>;
  publish(tags: string[], durations?: { expire?: number }): Promise<void>;
  stop(): Promise<void>;
};
export declare function createTagSync(options: { databaseUrl: string; manifest: Manifest; log?: (message: string) => void }): TagSync;
export declare function sharedTagSync(): TagSync | null;
