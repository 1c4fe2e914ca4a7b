import pg from 'pg';
import { type Database, DatabaseUnavailableError, type Queryable, type QueryResult } from './database.js';

/** An error from the server keeps its SQLSTATE; a connection that failed or dropped becomes "unavailable". */
function unreachable(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) return error;
  return new DatabaseUnavailableError('the database connection failed', { cause: error });
}

/** A PostgreSQL server through a `pg` pool; each transaction holds one pooled connection. */
export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'frontdesk-server' });
  // An idle connection the server dropped (a restart, a failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail at start, not at the first request, when the database cannot be reached.
  const probe = await pool.connect();
  probe.release();

  const run = async <Row>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    try {
      const result = await client.query(text, params as unknown[] | undefined);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length } as QueryResult<Row>;
    } catch (error) {
      throw unreachable(error);
    }
  };

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    script: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect().catch((error: unknown) => {
        throw unreachable(error);
      });
      const tx: Queryable = {
        query: (text, params) => run(client, text, params),
        script: async (sql) => {
          await client.query(sql);
        },
      };
      let broken = false;
      try {
        await run(client, 'BEGIN');
        const result = await work(tx);
        await run(client, 'COMMIT');
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
