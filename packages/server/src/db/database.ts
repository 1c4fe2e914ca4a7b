/**
 * One small interface over both databases the server runs on: PostgreSQL through `pg` and PGlite (PostgreSQL in
 * WASM, in the data folder). Every statement is parameterised SQL; the same statements and migrations run on both.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (or returned, for a SELECT). */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters: only for the server's own migration files. */
  script(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the error is rethrown). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://...`: a PostgreSQL server. Takes precedence over `dataDir`. */
  url?: string | undefined;
  /** PGlite's folder; without it (and without `url`) PGlite runs in memory and keeps nothing. */
  dataDir?: string | undefined;
  /** Connections in the `pg` pool. Default 20. */
  poolSize?: number | undefined;
}

/** The database could not be reached (refused, dropped, shutting down): worth retrying, not a fault of the request. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** SQLSTATEs of a database that is going away or full: connection exceptions, shutdown, too many connections. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = sqlState(error) ?? '';
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.url, options.poolSize ?? 20);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir);
}
