/**
 * Who may do what on the staff API. A signed-in person acts with their role's permissions; an integration's API token
 * carries scopes, which are permissions too (any but the two that manage people and tokens). docs/openapi.yaml names
 * the permission of every staff operation (`x-permission`), and a test holds the two together.
 */
export const ROLES = ['front-desk', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'bookings:read',
  'bookings:write',
  'responses:read',
  'feedback:read',
  'flags:read',
  'flags:handle',
  'exports:read',
  'audit:read',
  'settings:manage',
  'staff:manage',
  'tokens:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The role → permission table:
 *
 * | permission      | what it opens                                                  | front desk | clinician | admin |
 * | --------------- | -------------------------------------------------------------- | ---------- | --------- | ----- |
 * | bookings:read   | the schedule, a booking with the patient's details             | yes        | yes       | yes   |
 * | bookings:write  | arrived and no-show marks (and acting for a patient)           | yes        |           | yes   |
 * | feedback:read   | feedback aggregates (counts and scores, no single answer)      | yes        | yes       | yes   |
 * | responses:read  | survey responses in full (clinical answers)                    |            | yes       | yes   |
 * | flags:read      | PHQ-9 item 9 answers above 0, open or handled                  |            | yes       | yes   |
 * | flags:handle    | marking such a flag handled                                    |            | yes       | yes   |
 * | exports:read    | CSV and FHIR Bundle exports of bookings and responses          |            |           | yes   |
 * | audit:read      | the audit trail and its FHIR AuditEvent export                 |            |           | yes   |
 * | settings:manage | retention and other clinic settings                            |            |           | yes   |
 * | staff:manage    | staff accounts                                                 |            |           | yes   |
 * | tokens:manage   | API tokens for integrations                                    |            |           | yes   |
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  'front-desk': new Set(['bookings:read', 'bookings:write', 'feedback:read']),
  clinician: new Set(['bookings:read', 'feedback:read', 'responses:read', 'flags:read', 'flags:handle']),
  admin: new Set(PERMISSIONS),
};

/** Managing people and tokens takes a person signed in: no token can mint tokens or accounts. */
export const TOKEN_SCOPES: readonly Permission[] = PERMISSIONS.filter(
  (permission) => permission !== 'staff:manage' && permission !== 'tokens:manage',
);

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
export const isTokenScope = (value: unknown): value is Permission => TOKEN_SCOPES.includes(value as Permission);
