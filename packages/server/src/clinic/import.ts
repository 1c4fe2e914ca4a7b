import type { Database } from '../db/database.js';
import type { ClinicFile } from './file.js';
import { writeClinic } from './store.js';

export interface ImportSummary {
  locations: number;
  providers: number;
  visitTypes: number;
  rules: number;
  closures: number;
  plans: number;
  prices: number;
  surveys: number;
}

/** Replaces the clinic's public data in one transaction: a failure leaves the previous clinic as it was. */
export async function importClinic(db: Database, clinic: ClinicFile): Promise<ImportSummary> {
  await db.transaction((tx) => writeClinic(tx, clinic));
  return {
    locations: clinic.locations.length,
    providers: clinic.providers.length,
    visitTypes: clinic.visitTypes.length,
    rules: clinic.availability.length,
    closures: clinic.closures?.length ?? 0,
    plans: clinic.plans?.length ?? 0,
    prices: clinic.prices?.length ?? 0,
    surveys: clinic.surveys?.length ?? 0,
  };
}
