import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.js';

/** packages/server/migrations, from src/db and from dist/db alike. */
export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

/** An arbitrary constant: the advisory lock that makes instances starting together migrate one after the other. */
const MIGRATION_LOCK = 0x4644_5331;

/** A numbered migration (`0001_initial.sql`, applied once) or a repeatable one (`R__functions.sql`, see below). */
const FILE_NAME = /^(?:(\d{4})|R)_[a-z0-9_]+\.sql$/;

export interface Migration {
  /** The number of a numbered migration; undefined for a repeatable one. */
  version: string | undefined;
  name: string;
  sql: string;
}

export async function readMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const match = FILE_NAME.exec(name);
      if (!match) {
        throw new Error(`migration file names look like 0001_what_it_does.sql or R__what_it_is.sql, not ${name}`);
      }
      return { version: match[1], name, sql: await readFile(new URL(name, dir), 'utf8') };
    }),
  );
}

/**
 * Applies the numbered migrations not applied yet, in order, then every repeatable one (`R__*.sql`: functions, each
 * `create or replace`, so each is written once and an edit takes effect at the next start, as with Flyway's R__
 * scripts), all in one transaction: either the schema moves to the newest version or it stays as it was. Returns
 * the names of the numbered migrations applied.
 */
export async function migrate(db: Database, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version text primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).rows.map((row) => row.version),
    );
    const applied: string[] = [];
    for (const migration of all) {
      if (migration.version === undefined || done.has(migration.version)) continue;
      // A migration file is several statements: run it as a script (no parameters, nothing from outside).
      await tx.script(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.name);
    }
    for (const repeatable of all.filter((migration) => migration.version === undefined)) {
      await tx.script(repeatable.sql);
    }
    return applied;
  });
}
