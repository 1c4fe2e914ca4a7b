import type { BookingStrings } from './booking-strings.js';

/** Spanish strings of the booking steps, loaded the first time a page in Spanish shows them. */
export default {
  visitType: 'Tipo de consulta',
  details: 'Sus datos',
  review: 'Revise y confirme',
  confirmed: 'Su cita está reservada',
  bookElsewhere: 'Reservar este horario',
  changeTime: 'Cambiar horario',
  continue: 'Continuar',
  editDetails: 'Editar datos',
  confirm: 'Confirmar la cita',
  booking: 'Reservando…',
  bookingAnnouncement: 'Reservando su cita…',
  confirmAgree: (clinic) => `Al confirmar, acepta compartir estos datos con ${clinic} para reservar esta consulta.`,
  theClinic: 'la clínica',
  field: (field) =>
    ({
      givenName: 'Nombre',
      familyName: 'Apellidos',
      birthDate: 'Fecha de nacimiento',
      phone: 'Teléfono',
      email: 'Correo electrónico (opcional)',
      reason: 'Motivo de la consulta (opcional)',
      patientType: '¿Ya lo han atendido aquí antes?',
    })[field],
  fieldName: (field) =>
    ({
      givenName: 'Nombre',
      familyName: 'Apellidos',
      birthDate: 'Fecha de nacimiento',
      phone: 'Teléfono',
      email: 'Correo electrónico',
      reason: 'Motivo de la consulta',
      patientType: 'Paciente',
    })[field],
  contactShort: 'Contacto por mensaje o correo',
  newPatient: 'No, soy paciente nuevo',
  existingPatient: 'Sí, ya soy paciente',
  contact: 'La clínica puede enviarme mensajes o correos sobre esta consulta',
  problem: (field, problem) => {
    const name = {
      givenName: 'su nombre',
      familyName: 'sus apellidos',
      birthDate: 'su fecha de nacimiento',
      phone: 'un número de teléfono',
      email: 'un correo electrónico',
      reason: 'un motivo',
      patientType: 'si ya lo han atendido aquí',
    }[field];
    return {
      required: field === 'patientType' ? 'Indique si ya lo han atendido aquí.' : `Escriba ${name}.`,
      invalid:
        field === 'birthDate'
          ? 'Escriba una fecha de nacimiento real.'
          : field === 'phone'
            ? 'Escriba un número de teléfono con dígitos, como 615 555 0100.'
            : 'Escriba un correo electrónico como nombre@ejemplo.com.',
      future: 'La fecha de nacimiento no puede ser futura.',
      tooOld: 'Revise el año de la fecha de nacimiento.',
      tooLong: `Acorte ${name}.`,
      onlyNew:
        'Este tipo de consulta es para pacientes nuevos. Elija otro tipo de consulta para reservar como paciente.',
      onlyExisting:
        'Este tipo de consulta es para pacientes actuales. Elija un tipo de consulta para pacientes nuevos.',
    }[problem];
  },
  errorSummary: (count) => (count === 1 ? 'Hay 1 problema que corregir' : `Hay ${count} problemas que corregir`),
  when: 'Cuándo',
  provider: 'Profesional',
  where: 'Dónde',
  videoVisit: 'Consulta por video',
  patient: 'Nombre',
  patientNew: 'Paciente nuevo',
  patientExisting: 'Paciente actual',
  yes: 'Sí',
  bookingFailed: 'No pudimos reservar este horario.',
  confirmationNumber: 'Número de confirmación',
  instructions: 'Antes de su consulta',
  addToCalendar: 'Añadir al calendario (.ics)',
  manage: 'Gestionar o cancelar (se abre en una pestaña nueva)',
  calendarSummary: (provider) => `Cita con ${provider}`,
  bookElsewhereText: 'Esta clínica recibe reservas en su propio sitio o por teléfono.',
  bookOnline: 'Continuar la reserva en el sitio de la clínica (se abre en una pestaña nueva)',
  callToBook: (phone) => `Llame al ${phone} para reservar`,
  noBookingRoute: 'Llame a la clínica para reservar este horario.',
} satisfies BookingStrings;
