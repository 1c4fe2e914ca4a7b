import type { QuestionnaireResponse } from '@frontdesk/core';
import type { AuditEvent } from './audit.js';
import type { StaffBooking } from './bookings.js';

/**
 * FHIR R4 exports: the bookings as Appointments (the patient contained, the survey responses about the visit as
 * supporting information), the responses as QuestionnaireResponses, and the audit trail as AuditEvents, each set in
 * a `collection` Bundle. Identifier and code systems are named under the clinic server's own address.
 */
type Resource = Record<string, unknown> & { resourceType: string };

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  total?: number;
  entry: { resource: Resource }[];
}

/** FHIR ids allow `A-Z a-z 0-9 - .` and 64 characters: `_` (in our base64url ids) becomes `.`, anything else `-`. */
export function fhirId(id: string): string {
  return id
    .replaceAll('_', '.')
    .replace(/[^A-Za-z0-9.-]/g, '-')
    .slice(0, 64);
}

export function bundleOf(resources: readonly Resource[], nowMs: number): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date(nowMs).toISOString(),
    entry: resources.map((resource) => ({ resource })),
  };
}

const APPOINTMENT_STATUS: Record<string, string> = { arrived: 'arrived', 'no-show': 'noshow' };

export function appointmentOf(booking: StaffBooking, responseIds: readonly string[], base: string): Resource {
  const { patient } = booking;
  const name = `${patient.givenName} ${patient.familyName}`;
  const telecom = [
    { system: 'phone', value: patient.phone },
    ...(patient.email ? [{ system: 'email', value: patient.email }] : []),
  ];
  const status =
    booking.status === 'cancelled'
      ? 'cancelled'
      : booking.status === 'booked'
        ? (APPOINTMENT_STATUS[booking.attendance] ?? 'booked')
        : 'booked';
  return {
    resourceType: 'Appointment',
    id: fhirId(booking.id),
    identifier: [{ system: `${base}/booking-id`, value: booking.id }],
    contained: [
      {
        resourceType: 'Patient',
        id: 'patient',
        name: [{ given: [patient.givenName], family: patient.familyName }],
        birthDate: patient.birthDate,
        telecom,
      },
    ],
    status,
    serviceType: [
      {
        coding: [{ system: `${base}/visit-type`, code: booking.visitTypeId }],
        ...(booking.visitTypeName ? { text: booking.visitTypeName } : {}),
      },
    ],
    ...(patient.reason ? { reasonCode: [{ text: patient.reason }] } : {}),
    start: new Date(booking.start).toISOString(),
    end: new Date(booking.end).toISOString(),
    created: booking.createdAt,
    ...(responseIds.length > 0
      ? { supportingInformation: responseIds.map((id) => ({ reference: `QuestionnaireResponse/${fhirId(id)}` })) }
      : {}),
    participant: [
      { actor: { reference: '#patient', display: name }, required: 'required', status: 'accepted' },
      {
        actor: {
          reference: `Practitioner/${fhirId(booking.providerId)}`,
          ...(booking.providerName ? { display: booking.providerName } : {}),
        },
        required: 'required',
        status: 'accepted',
      },
      ...(booking.locationId
        ? [
            {
              actor: {
                reference: `Location/${fhirId(booking.locationId)}`,
                ...(booking.locationName ? { display: booking.locationName } : {}),
              },
              required: 'required',
              status: 'accepted',
            },
          ]
        : []),
    ],
  };
}

export function questionnaireResponseOf(id: string, response: QuestionnaireResponse, receivedAt: Date): Resource {
  return {
    ...(response as unknown as Resource),
    resourceType: 'QuestionnaireResponse',
    id: fhirId(id),
    authored: response.authored ?? receivedAt.toISOString(),
  };
}

/** The FHIR type of what an audit entry names; the server's own records (staff, tokens) are identifiers. */
const FHIR_TYPES = new Set(['Appointment', 'QuestionnaireResponse']);

/** DICOM's action codes for AuditEvent.action: create, read, update, delete, execute. */
function actionCode(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  if (/\.(read|search|list)$|^export\.|^audit\./.test(action)) return 'R';
  if (/\.(create|sign-in)$/.test(action)) return 'C';
  if (/\.(delete|revoke|sign-out)$|^retention\./.test(action)) return 'D';
  if (/\.(run)$/.test(action)) return 'E';
  return 'U';
}

export function auditEventOf(event: AuditEvent, base: string): Resource {
  const who =
    event.actor.kind === 'staff' || event.actor.kind === 'token'
      ? { identifier: { system: `${base}/${event.actor.kind}`, value: event.actor.id ?? '' } }
      : { display: event.actor.kind === 'system' ? 'frontdesk-server' : 'not signed in' };
  return {
    resourceType: 'AuditEvent',
    id: fhirId(event.id),
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [{ system: `${base}/audit-action`, code: event.action, display: event.action }],
    action: actionCode(event.action),
    recorded: event.at,
    outcome: event.outcome === 'success' ? '0' : '4',
    agent: [
      {
        who,
        requestor: true,
        ...(event.clientAddress ? { network: { address: event.clientAddress, type: '2' } } : {}),
      },
      ...(event.userAgent
        ? [
            {
              type: {
                coding: [
                  { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110150', display: 'Application' },
                ],
              },
              name: event.userAgent,
              requestor: false,
            },
          ]
        : []),
    ],
    source: {
      observer: { display: 'frontdesk-server' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    ...(event.resourceIds.length > 0
      ? {
          entity: event.resourceIds.map((id) =>
            event.resourceType && FHIR_TYPES.has(event.resourceType)
              ? { what: { reference: `${event.resourceType}/${fhirId(id)}` } }
              : { what: { identifier: { system: `${base}/${event.resourceType ?? 'record'}`, value: id } } },
          ),
        }
      : {}),
  };
}
