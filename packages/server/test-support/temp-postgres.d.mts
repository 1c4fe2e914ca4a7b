export function postgresBinDir(): string | undefined;

export interface TempPostgres {
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

export function startTempPostgres(options?: { durable?: boolean; maxConnections?: number }): Promise<TempPostgres>;

/** A new empty database on the server at `url`; returns its URL. */
export function createDatabase(url: string, name: string): Promise<string>;
