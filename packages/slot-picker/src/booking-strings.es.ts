import type { BookingStrings } from './booking-strings.js';

const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

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
  forWhom: '¿Para quién es la consulta?',
  forSelf: 'Para mí',
  forDependant: 'Para alguien a mi cargo (un hijo o un familiar)',
  aboutYou: 'Sobre usted',
  aboutPatient: 'Sobre el paciente',
  relationship: (relationship) =>
    ({ parent: 'Madre o padre', guardian: 'Tutor legal', caregiver: 'Cuidador', other: 'Otra' })[relationship],
  chooseOne: 'Elija una opción',
  field: (field, forWhom) => {
    const patient = forWhom === 'dependant';
    return {
      bookerGivenName: 'Su nombre',
      bookerFamilyName: 'Sus apellidos',
      relationship: 'Su relación con el paciente',
      givenName: patient ? 'Nombre del paciente' : 'Nombre',
      familyName: patient ? 'Apellidos del paciente' : 'Apellidos',
      birthDate: patient ? 'Fecha de nacimiento del paciente' : 'Fecha de nacimiento',
      phone: patient ? 'Su teléfono' : 'Teléfono',
      email: patient ? 'Su correo electrónico (opcional)' : 'Correo electrónico (opcional)',
      reason: 'Motivo de la consulta (opcional)',
      patientType: patient ? '¿Ya han atendido aquí al paciente?' : '¿Ya lo han atendido aquí antes?',
      contact: 'La clínica puede enviarme mensajes o correos sobre esta consulta',
      planId: 'Seguro médico (opcional)',
      memberId: 'Número de afiliado (en la tarjeta del seguro)',
    }[field];
  },
  dateFormat: (order, example) =>
    `Escríbala como ${order.map((part) => ({ month: 'MM', day: 'DD', year: 'AAAA' })[part]).join('/')}, por ejemplo ${example}`,
  phoneHint: 'Un número al que podamos llamar o escribir, como (615) 555-0100',
  contactForVideo: 'Necesario para una consulta por video: así le indica la clínica cómo conectarse.',
  noPlan: 'Sin seguro, o pagaré yo',
  insuranceHint: 'Ayuda a la clínica a revisar su cobertura antes de la consulta.',
  fieldName: (field) =>
    ({
      bookerGivenName: 'Reservada por',
      bookerFamilyName: 'Reservada por',
      relationship: 'Relación',
      givenName: 'Nombre',
      familyName: 'Apellidos',
      birthDate: 'Fecha de nacimiento',
      phone: 'Teléfono',
      email: 'Correo electrónico',
      reason: 'Motivo de la consulta',
      patientType: 'Tipo de paciente',
      contact: 'Contacto por mensaje o correo',
      planId: 'Seguro',
      memberId: 'Número de afiliado',
    })[field],
  newPatient: 'No, paciente nuevo',
  existingPatient: 'Sí, ya es paciente',
  problem: (field, problem, forWhom = 'self') => {
    const suyo = forWhom !== 'dependant';
    const name = {
      bookerGivenName: 'su nombre',
      bookerFamilyName: 'sus apellidos',
      relationship: 'su relación con el paciente',
      givenName: suyo ? 'su nombre' : 'el nombre del paciente',
      familyName: suyo ? 'sus apellidos' : 'los apellidos del paciente',
      birthDate: suyo ? 'su fecha de nacimiento' : 'la fecha de nacimiento del paciente',
      phone: 'un número de teléfono',
      email: 'un correo electrónico',
      reason: 'el motivo',
      patientType: 'si ya han atendido aquí al paciente',
      contact: 'si la clínica puede contactarle',
      planId: 'el seguro',
      memberId: 'el número de afiliado',
    }[field];
    switch (problem.code) {
      case 'required':
        return field === 'relationship' || field === 'patientType' ? `Indique ${name}.` : `Escriba ${name}.`;
      case 'tooLong':
        return `Acorte ${name} a ${problem.limit} caracteres como máximo.`;
      case 'invalid':
        return field === 'email'
          ? 'Escriba un correo electrónico como nombre@ejemplo.com.'
          : 'Revise este número: no es un teléfono al que se pueda llamar, como (615) 555-0100.';
      case 'notANumber':
        return 'Escriba el número de teléfono con dígitos, como (615) 555-0100.';
      case 'letters':
        return 'Escriba solo el número de teléfono: dígitos, espacios, paréntesis y guiones.';
      case 'shortNumber':
        return 'Este número es demasiado corto. Escriba los 10 dígitos con el código de área, como (615) 555-0100.';
      case 'longNumber':
        return 'Este número tiene demasiados dígitos. Escriba 10 dígitos con el código de área, como (615) 555-0100.';
      case 'otherCountry':
        return 'Escriba un teléfono de Estados Unidos o Canadá, o llame a la clínica para reservar.';
      case 'dateFormat':
        return 'Escriba la fecha de nacimiento en números, en el orden indicado.';
      case 'year':
        return 'Escriba el año de nacimiento con 4 dígitos, por ejemplo 1990.';
      case 'month':
        return `No existe el mes ${problem.month}. Escriba el mes del 1 al 12.`;
      case 'day':
        return `Ningún mes tiene día ${problem.day}.`;
      case 'noSuchDay':
        return problem.month === 2 && problem.day === 29
          ? `Febrero de ${problem.year} no tiene día 29.`
          : `${MESES[problem.month - 1]} no tiene día ${problem.day}.`.replace(/^./, (c) => c.toUpperCase());
      case 'future':
        return 'La fecha de nacimiento no puede ser futura.';
      case 'tooOld':
        return 'Revise el año de la fecha de nacimiento.';
      case 'onlyNew':
        return 'Este tipo de consulta es para pacientes nuevos. Elija otro tipo de consulta para reservar como paciente.';
      case 'onlyExisting':
        return 'Este tipo de consulta es para pacientes actuales. Elija un tipo de consulta para pacientes nuevos.';
      case 'contactForVideo':
        return 'Una consulta por video necesita una forma de contactarle: marque la casilla para que la clínica pueda escribirle.';
      case 'contactForWaitlist':
        return 'La lista de espera le avisa de un horario por mensaje o correo: marque la casilla para que la clínica pueda escribirle.';
    }
  },
  errorSummary: (count) => (count === 1 ? 'Hay 1 problema que corregir' : `Hay ${count} problemas que corregir`),
  when: 'Cuándo',
  provider: 'Profesional',
  where: 'Dónde',
  videoVisit: 'Consulta por video',
  patient: 'Paciente',
  patientNew: 'Paciente nuevo',
  patientExisting: 'Paciente actual',
  bookedBy: (name, relationship) => `${name} (${relationship.toLowerCase()})`,
  yes: 'Sí',
  bookingFailed: 'No pudimos reservar este horario.',
  heldUntil: (time, minutes) =>
    `Le guardamos este horario hasta las ${time}${minutes === undefined ? '' : minutes === 1 ? ' (1 minuto)' : ` (${minutes} minutos)`}. Mientras tanto, nadie más puede reservarlo.`,
  holdExpired: 'Ya no le guardamos este horario. Aún puede reservarlo si nadie lo ha tomado mientras tanto.',
  confirmationNumber: 'Número de confirmación',
  instructions: 'Antes de su consulta',
  addToCalendar: 'Añadir al calendario (.ics)',
  addToGoogle: 'Añadir a Google Calendar (se abre en una pestaña nueva)',
  addToOutlook: 'Añadir a Outlook (se abre en una pestaña nueva)',
  manage: 'Gestionar o cancelar (se abre en una pestaña nueva)',
  joinVideo: 'Entrar a la consulta por video (se abre en una pestaña nueva)',
  calendarSummary: (provider) => `Cita con ${provider}`,
  calendarJoin: (url) => `Entrar a la consulta por video: ${url}`,
  notifications: (email, sms) =>
    email && sms
      ? 'Le enviaremos la confirmación por correo electrónico y por mensaje de texto.'
      : email
        ? 'Le enviaremos la confirmación por correo electrónico.'
        : sms
          ? 'Le enviaremos la confirmación por mensaje de texto.'
          : 'No le enviaremos mensajes sobre esta consulta: guarde esta página o añádala a su calendario.',
  bookElsewhereText: 'Esta clínica recibe reservas en su propio sitio o por teléfono.',
  bookOnline: 'Continuar la reserva en el sitio de la clínica (se abre en una pestaña nueva)',
  callToBook: (phone) => `Llame al ${phone} para reservar`,
  noBookingRoute: 'Llame a la clínica para reservar este horario.',
  waitlistHeading: 'Avíseme si se libera un horario antes',
  waitlistIntro:
    'Cuando se libere un horario entre estos días, la clínica le enviará un enlace por mensaje o correo. El primer paciente que lo reclame lo obtiene.',
  waitlistFrom: 'Primer día',
  waitlistTo: 'Último día',
  waitlistDayRequired: 'Indique un día.',
  waitlistBeforeToday: 'Elija hoy o un día posterior.',
  waitlistRangeOrder: 'El último día debe ser igual o posterior al primero.',
  contactForWaitlist: 'Necesario: así le avisa la clínica de que se ha liberado un horario.',
  waitlistAgree: (clinic) => `Al unirse, acepta compartir estos datos con ${clinic} para que le ofrezca un horario.`,
  waitlistSubmit: 'Añadirme a la lista de espera',
  waitlistClose: 'Cerrar',
  waitlistJoining: 'Añadiéndole a la lista de espera…',
  waitlistFailed: 'No pudimos añadirle a la lista de espera.',
  waitlistJoined: (from, to, email, sms) =>
    `Está en la lista de espera del ${from} al ${to}. ${
      email && sms
        ? 'Le escribiremos por correo y por mensaje'
        : email
          ? 'Le escribiremos por correo'
          : sms
            ? 'Le enviaremos un mensaje'
            : 'La clínica se pondrá en contacto'
    } cuando se libere un horario antes.`,
  waitlistLeave: 'Salir de la lista de espera',
  waitlistLeft: 'Ha salido de la lista de espera. No se le ofrecerán horarios.',
} satisfies BookingStrings;
