/**
 * Which files of the CDN build each tag and each adapter need, as paths relative to the loader: `files` lists them
 * once, `tags` and `adapters` point into it. For a tag, the first file is the module that defines it and the rest
 * is everything it needs before it can show content (its static imports and the parts it loads lazily at start).
 */
export interface ChunkMap {
  files: string[];
  tags: Record<string, number[]>;
  adapters: Record<string, number[]>;
}

/** Filled in by `vite.cdn.config.ts` from the chunk build's manifest when it builds the loader; empty elsewhere. */
export const CHUNKS: ChunkMap = { files: [], tags: {}, adapters: {} };
