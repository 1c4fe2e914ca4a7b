import type { FrontdeskErrorKind } from '../errors.js';
import { Strings } from '../i18n/registry.js';

/** Words shared by every widget's loading, empty and error states. */
export const baseStringsEn = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  errorByKind: (kind: FrontdeskErrorKind): string =>
    ({
      network: 'We could not reach the clinic’s system. Check your connection and try again.',
      timeout: 'The clinic’s system took too long to answer. Please try again.',
      http: 'The clinic’s system had a problem. Please try again in a moment.',
      'invalid-response': 'The clinic’s system sent information we could not read.',
      'invalid-input': 'This widget is not set up correctly.',
      'not-found': 'We could not find what this widget is looking for.',
      conflict: 'That was just taken by someone else.',
      unauthorized: 'This widget is not allowed to read the clinic’s system.',
      unsupported: 'The clinic’s system does not support this.',
      aborted: 'The request was cancelled.',
    })[kind],
  technicalDetails: 'Details for the website’s developer',
};

export type BaseStrings = typeof baseStringsEn;

export const baseStringsEs: BaseStrings = {
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',
  errorTitle: 'Algo salió mal',
  errorByKind: (kind) =>
    ({
      network: 'No pudimos comunicarnos con el sistema de la clínica. Revise su conexión e inténtelo de nuevo.',
      timeout: 'El sistema de la clínica tardó demasiado en responder. Inténtelo de nuevo.',
      http: 'El sistema de la clínica tuvo un problema. Inténtelo de nuevo en un momento.',
      'invalid-response': 'El sistema de la clínica envió información que no pudimos leer.',
      'invalid-input': 'Este componente no está bien configurado.',
      'not-found': 'No encontramos lo que busca este componente.',
      conflict: 'Otra persona acaba de tomarlo.',
      unauthorized: 'Este componente no tiene permiso para leer el sistema de la clínica.',
      unsupported: 'El sistema de la clínica no admite esto.',
      aborted: 'Se canceló la solicitud.',
    })[kind],
  technicalDetails: 'Detalles para el desarrollador del sitio',
};

/** The words of every widget's loading, empty and error states (namespace `base`). */
export const baseStrings = new Strings('base', baseStringsEn, { es: baseStringsEs });
