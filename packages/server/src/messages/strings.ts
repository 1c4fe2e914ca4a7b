/**
 * What the messages to patients say, in English and Spanish: plain, short, and only what will really happen. Each
 * entry is a function of the facts it needs; the facts are already formatted for the language.
 */
export type Language = 'en' | 'es';

export interface VisitFacts {
  clinic: string;
  /** Greets the patient by the name they gave. */
  name: string;
  when: string;
  provider: string;
  visitType: string;
  /** The address, or undefined for a video visit. */
  where: string | undefined;
  phone: string | undefined;
}

export interface Strings {
  hello(name: string): string;
  subject: {
    confirmation(f: VisitFacts): string;
    changed(f: VisitFacts): string;
    cancelled(f: VisitFacts): string;
    reminder(f: VisitFacts): string;
    survey(f: VisitFacts): string;
    offer(f: VisitFacts): string;
  };
  lead: {
    confirmation: string;
    changed: string;
    cancelledByPatient: string;
    cancelledByClinic: string;
    reminder: string;
    survey(clinic: string): string;
    offer(expires: string): string;
  };
  when: string;
  with: string;
  visit: string;
  where: string;
  video: string;
  join: string;
  form(title: string): string;
  survey: string;
  claim: string;
  manage: string;
  manageMissing: string;
  calendar: string;
  google: string;
  outlook: string;
  attached: string;
  call(phone: string): string;
  bookAgain: string;
  sms: {
    confirmation(f: VisitFacts): string;
    changed(f: VisitFacts): string;
    cancelled(f: VisitFacts): string;
    reminder(f: VisitFacts): string;
    survey(f: VisitFacts): string;
    offer(f: VisitFacts, expires: string): string;
    join: string;
    manage: string;
    form: string;
  };
}

const en: Strings = {
  hello: (name) => `Hello ${name},`,
  subject: {
    confirmation: (f) => `Your visit at ${f.clinic} is booked: ${f.when}`,
    changed: (f) => `Your visit at ${f.clinic} has moved: ${f.when}`,
    cancelled: (f) => `Your visit at ${f.clinic} is cancelled`,
    reminder: (f) => `Reminder: your visit at ${f.clinic}, ${f.when}`,
    survey: (f) => `How was your visit at ${f.clinic}?`,
    offer: (f) => `An earlier time is free at ${f.clinic}: ${f.when}`,
  },
  lead: {
    confirmation: 'Your visit is booked.',
    changed: 'Your visit has moved to a new time.',
    cancelledByPatient: 'Your visit is cancelled, as you asked.',
    cancelledByClinic: 'The clinic had to cancel your visit. We are sorry.',
    reminder: 'This is a reminder of your visit.',
    survey: (clinic) => `Thank you for visiting ${clinic}. Tell us how it went: it takes a minute.`,
    offer: (expires) => `An earlier time you asked for is free. It is yours if you claim it by ${expires}.`,
  },
  when: 'When',
  with: 'With',
  visit: 'Visit',
  where: 'Where',
  video: 'Video visit',
  join: 'Join the video visit',
  form: (title) => `Before your visit, please fill in this form: ${title}`,
  survey: 'Answer the survey',
  claim: 'Claim this time',
  manage: 'See, move or cancel your visit',
  manageMissing: 'To move or cancel your visit, call the clinic.',
  calendar: 'Add it to your calendar',
  google: 'Google Calendar',
  outlook: 'Outlook',
  attached: 'or open the attached file.',
  call: (phone) => `Questions? Call ${phone}.`,
  bookAgain: 'To book another time, call the clinic or book online.',
  sms: {
    confirmation: (f) => `${f.clinic}: your visit with ${f.provider} is booked for ${f.when}.`,
    changed: (f) => `${f.clinic}: your visit with ${f.provider} has moved to ${f.when}.`,
    cancelled: (f) => `${f.clinic}: your visit on ${f.when} is cancelled.`,
    reminder: (f) => `${f.clinic}: reminder of your visit with ${f.provider}, ${f.when}.`,
    survey: (f) => `${f.clinic}: how was your visit? Tell us in a minute:`,
    offer: (f, expires) =>
      `${f.clinic}: an earlier time is free, ${f.when} with ${f.provider}. Claim it by ${expires}:`,
    join: 'Join:',
    manage: 'Manage:',
    form: 'Form to fill in:',
  },
};

const es: Strings = {
  hello: (name) => `Hola, ${name}:`,
  subject: {
    confirmation: (f) => `Su cita en ${f.clinic} está reservada: ${f.when}`,
    changed: (f) => `Su cita en ${f.clinic} cambió de hora: ${f.when}`,
    cancelled: (f) => `Su cita en ${f.clinic} está cancelada`,
    reminder: (f) => `Recordatorio: su cita en ${f.clinic}, ${f.when}`,
    survey: (f) => `¿Cómo fue su cita en ${f.clinic}?`,
    offer: (f) => `Hay una hora más pronto en ${f.clinic}: ${f.when}`,
  },
  lead: {
    confirmation: 'Su cita está reservada.',
    changed: 'Su cita cambió a una nueva hora.',
    cancelledByPatient: 'Su cita está cancelada, como lo pidió.',
    cancelledByClinic: 'La clínica tuvo que cancelar su cita. Lo sentimos.',
    reminder: 'Le recordamos su cita.',
    survey: (clinic) => `Gracias por visitar ${clinic}. Cuéntenos cómo le fue: toma un minuto.`,
    offer: (expires) => `Se liberó una hora más pronto que pidió. Es suya si la reserva antes de: ${expires}.`,
  },
  when: 'Cuándo',
  with: 'Con',
  visit: 'Cita',
  where: 'Dónde',
  video: 'Cita por video',
  join: 'Entrar a la cita por video',
  form: (title) => `Antes de su cita, llene este formulario: ${title}`,
  survey: 'Responder la encuesta',
  claim: 'Reservar esta hora',
  manage: 'Ver, cambiar o cancelar su cita',
  manageMissing: 'Para cambiar o cancelar su cita, llame a la clínica.',
  calendar: 'Agréguela a su calendario',
  google: 'Google Calendar',
  outlook: 'Outlook',
  attached: 'o abra el archivo adjunto.',
  call: (phone) => `¿Preguntas? Llame al ${phone}.`,
  bookAgain: 'Para reservar otra hora, llame a la clínica o reserve en línea.',
  sms: {
    confirmation: (f) => `${f.clinic}: su cita con ${f.provider} está reservada para ${f.when}.`,
    changed: (f) => `${f.clinic}: su cita con ${f.provider} cambió a ${f.when}.`,
    cancelled: (f) => `${f.clinic}: su cita del ${f.when} está cancelada.`,
    reminder: (f) => `${f.clinic}: recordatorio de su cita con ${f.provider}, ${f.when}.`,
    survey: (f) => `${f.clinic}: ¿cómo fue su cita? Cuéntenos en un minuto:`,
    offer: (f, expires) =>
      `${f.clinic}: hay una hora más pronto, ${f.when} con ${f.provider}. Resérvela antes de: ${expires}:`,
    join: 'Entrar:',
    manage: 'Su cita:',
    form: 'Formulario:',
  },
};

const TABLES: Record<Language, Strings> = { en, es };

/** The language a booking's `language` tag is written in: Spanish for any `es` tag, English otherwise. */
export function languageOf(tag: string | undefined): Language {
  return tag?.toLowerCase().split('-')[0] === 'es' ? 'es' : 'en';
}

export function stringsFor(language: Language): Strings {
  return TABLES[language];
}
