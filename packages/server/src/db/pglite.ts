import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Queryable, QueryResult } from './database.js';

interface PgliteResult {
  rows: unknown[];
  affectedRows?: number;
}

function shape<Row>(result: PgliteResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.affectedRows || result.rows.length };
}

/**
 * PGlite: PostgreSQL compiled to WASM, in-process, one connection. PGlite itself runs one query or transaction at a
 * time (it queues the rest), which is exactly the serialisation a single connection needs.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    query: async (text, params) => shape(await db.query(text, params as unknown[] | undefined)),
    script: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) => {
        const wrapped: Queryable = {
          query: async (text, params) => shape(await tx.query(text, params as unknown[] | undefined)),
          script: async (sql) => {
            await tx.exec(sql);
          },
        };
        return work(wrapped);
      }),
    async close() {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
