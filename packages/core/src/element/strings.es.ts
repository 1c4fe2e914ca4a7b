import type { BaseStrings } from './strings.js';

/** Spanish words of every widget's loading, empty and error states, loaded the first time a page in Spanish needs them. */
export default {
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',
  errorTitle: 'Algo salió mal',
  errorByKind: (kind) =>
    ({
      network: 'No pudimos comunicarnos con el sistema de la clínica. Inténtelo de nuevo en un momento.',
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
  offlineTitle: 'Parece que no tiene conexión',
  offline: 'Revise su conexión a internet. Esta página volverá a intentarlo sola cuando vuelva a estar en línea.',
  callClinic: (clinic) => `Para pedir una cita o hacer una pregunta ahora, llame a ${clinic}:`,
  unavailable: 'No disponible en este momento.',
  unavailableOffline: 'No disponible mientras no tenga conexión.',
} satisfies BaseStrings;
