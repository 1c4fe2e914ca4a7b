import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';

/** A PostgreSQL server through a `pg` pool; each transaction holds one pooled connection. */
export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'frontdesk-server' });
  // An idle connection the server dropped (a restart, a failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail at start, not at the first request, when the database cannot be reached.
  const probe = await pool.connect();
  probe.release();

  const run = async <Row>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    const result = await client.query(text, params as unknown[] | undefined);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length } as QueryResult<Row>;
  };

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    script: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: (text, params) => run(client, text, params),
        script: async (sql) => {
          await client.query(sql);
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // A connection whose rollback failed is in an unknown state: drop it rather than hand it out again.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
