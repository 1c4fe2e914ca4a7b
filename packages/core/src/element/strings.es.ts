import type { BaseStrings } from './strings.js';

/** Spanish words of every widget's loading, empty and error states, loaded the first time a page in Spanish needs them. */
export default {
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
} satisfies BaseStrings;
