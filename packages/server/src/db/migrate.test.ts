import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, freshPostgres } from '../test-support/server.js';
import { type Database, openDatabase } from './database.js';
import { migrate, readMigrations } from './migrate.js';

const FUNCTIONS = ['book_slot', 'claim_idempotency_key', 'fd_answer_score', 'slot_lock', 'store_survey_response'];

/** Each function of the schema, by name: the number of parameters of each of its overloads. */
async function functionArities(db: Database): Promise<Record<string, number[]>> {
  const { rows } = await db.query<{ name: string; arities: number[] }>(
    `select proname as name, array_agg(pronargs::int order by pronargs) as arities from pg_proc
     where pronamespace = 'public'::regnamespace group by proname`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.arities]));
}

/**
 * Numbered migrations run once; the repeatable R__ files (the SQL functions, each written once) run after them at
 * every start, on a new database and on one made before the functions moved there.
 */
describe.each(BACKENDS)('migrations on %s', (backend) => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  const open = async () => {
    db = await openDatabase({ url: backend === 'postgres' ? await freshPostgres() : undefined });
    return db;
  };

  it('a new database gets every numbered migration once and each function once; a restart applies none', async () => {
    const database = await open();
    const numbered = (await readMigrations()).filter((migration) => migration.version !== undefined);
    expect(await migrate(database)).toEqual(numbered.map((migration) => migration.name));
    expect(await migrate(database)).toEqual([]);
    const arities = await functionArities(database);
    for (const name of FUNCTIONS) expect(arities[name], name).toHaveLength(1);
  });

  it('a database that 0001 left with the first book_slot and store_survey_response upgrades to one of each', async () => {
    const database = await open();
    const [initial] = await readMigrations();
    await migrate(database, [initial!]);
    // What 0001 used to define (its bodies do not matter here, only the signatures 0002 must drop).
    await database.script(`
      create function book_slot(text, text, jsonb, timestamptz, text, text, text, text, text, timestamptz,
                                timestamptz, jsonb, jsonb) returns table (status integer, response jsonb)
        language sql as 'select 201, null::jsonb';
      create function store_survey_response(text, text, text, text, jsonb, timestamptz)
        returns table (status integer, response jsonb) language sql as 'select 201, null::jsonb';`);
    expect(await migrate(database)).toEqual(['0002_visits.sql', '0003_staff.sql']);
    const arities = await functionArities(database);
    expect(arities.book_slot).toEqual([18]);
    expect(arities.store_survey_response).toEqual([7]);
  });
});
