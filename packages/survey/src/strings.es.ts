import type { SurveyStrings } from './strings.js';

const TYPE_NAMES: Record<string, string> = {
  integer: 'número entero',
  decimal: 'número',
  quantity: 'número',
  date: 'fecha',
  dateTime: 'fecha y hora',
  time: 'hora',
  url: 'dirección web que empiece por https://',
};

/** Spanish words of fd-survey, loaded only when a page in Spanish shows the form. */
export default {
  loading: 'Cargando las preguntas…',
  setupTitle: 'No se puede mostrar este formulario',
  required: '(obligatoria)',
  entry: 'Entrada',
  submit: 'Enviar',
  sending: 'Enviando sus respuestas…',
  summaryTitle: 'Hay un problema',
  summaryIntro: (count) => (count === 1 ? 'Revise 1 respuesta:' : `Revise ${count} respuestas:`),
  fieldError: (label, message) => `${label}: ${message}`,
  score: (total, max) => `Puntuación total: ${total} de ${max}`,
  thanksTitle: 'Gracias',
  thanksText: 'Sus respuestas se enviaron a la clínica.',
  queuedTitle: 'Sus respuestas se enviarán',
  queuedText:
    'No pudimos comunicarnos con la clínica en este momento. Sus respuestas se guardan en este dispositivo y se enviarán automáticamente cuando vuelva la conexión. Puede dejar esta página abierta.',
  retryNow: 'Intentar enviar ahora',
  failedTitle: 'Sus respuestas no se enviaron',
  failedText:
    'El sistema de la clínica no las aceptó. Sus respuestas siguen aquí; inténtelo de nuevo o comuníquese con la clínica.',
  draftRestored: 'Se recuperaron sus respuestas anteriores.',
  draftSaved: 'Sus respuestas quedaron guardadas en este dispositivo. Puede terminar más tarde.',
  error: (code, params) => {
    switch (code) {
      case 'required':
        return 'Responda esta pregunta.';
      case 'invalid-format':
      case 'answer-type':
        return `Escriba un valor válido: ${TYPE_NAMES[String(params.expected)] ?? 'respuesta'}.`;
      case 'not-an-option':
        return 'Elija una de las opciones de la lista.';
      case 'max-length':
        return `Use como máximo ${params.max} caracteres.`;
      case 'min-length':
        return `Use al menos ${params.min} caracteres.`;
      case 'min-value':
        return `Escriba ${params.min} o más.`;
      case 'max-value':
        return `Escriba ${params.max} o menos.`;
      case 'max-decimal-places':
        return `Use como máximo ${params.max} decimales.`;
      case 'regex':
        return params.format ? `Use el formato ${params.format}.` : 'Esta respuesta no tiene el formato esperado.';
      case 'unit-not-allowed':
        return 'Elija una de las unidades de la lista.';
      case 'cannot-answer':
        return 'Esta pregunta obligatoria no se puede responder aquí, así que el formulario no se puede completar aquí.';
      case 'attachment-type':
        return 'Este tipo de archivo no se acepta aquí.';
      case 'attachment-size':
        return 'Este archivo es demasiado grande.';
    }
  },
} satisfies SurveyStrings;
