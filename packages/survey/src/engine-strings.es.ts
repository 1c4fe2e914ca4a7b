import type { SurveyFeature } from '@frontdesk/core';
import type { EngineStrings } from './engine-strings.js';

const FEATURES: Record<SurveyFeature, string> = {
  'item-type': 'su tipo de pregunta',
  calculatedExpression: 'su respuesta calculada',
  enableWhenExpression: 'la regla de cuándo hacerla',
  answerExpression: 'la regla de su lista de respuestas',
  variable: 'un cálculo que necesita',
  answerOption: 'sus opciones de respuesta',
  answerValueSet: 'su lista de respuestas',
};

/** Spanish words of the engine's form, loaded only when a page in Spanish shows one. */
export default {
  setupHint: 'El formulario de la clínica tiene un problema. Inténtelo más tarde o comuníquese con la clínica.',
  problemsTitle: 'Parte de este formulario no se pudo mostrar',
  technicalDetails: 'Detalles técnicos',
  unsupported: (code, feature) => {
    const what = FEATURES[feature];
    switch (code) {
      case 'unsupported-type':
        return 'Esta pregunta le pide elegir un registro del sistema de la clínica, y este formulario no puede hacerlo.';
      case 'expression-language':
        return `Esta pregunta no se puede mostrar aquí: ${what} está escrita en un lenguaje que este formulario no ejecuta.`;
      case 'expression-failed':
        return `Esta pregunta no se puede mostrar aquí: no se pudo calcular ${what}.`;
      case 'answer-type-mismatch':
        return `Esta pregunta no se puede responder aquí: ${what} no corresponden al tipo de respuesta que pide.`;
      case 'value-set-unresolved':
        return `Esta pregunta no se puede responder aquí: ${what} está guardada en otro lugar y esta página no puede consultarla.`;
      case 'value-set-unreachable':
        return `Esta pregunta no se puede responder ahora: no se pudo cargar ${what} desde la clínica.`;
      case 'no-options':
        return 'Esta pregunta no se puede responder aquí: no tiene respuestas para elegir.';
    }
  },
  otherQuestions: 'Puede responder las demás preguntas.',
  blockedTitle: 'Este formulario no se puede enviar desde aquí',
  blockedText: (count) =>
    count === 1
      ? 'Una pregunta obligatoria no se puede responder en esta página. Comuníquese con la clínica para terminar el formulario.'
      : `${count} preguntas obligatorias no se pueden responder en esta página. Comuníquese con la clínica para terminar el formulario.`,
  saveForLater: 'Guardar mis respuestas en este dispositivo',
  yes: 'Sí',
  no: 'No',
  other: 'Otra (especifique)',
  choose: 'Elija…',
  unit: 'Unidad',
  notAnswered: 'Sin responder todavía',
  notWorkedOut: 'Todavía sin calcular',
  workedOut: 'Calculado a partir de sus respuestas',
  addAnswer: 'Agregar otra respuesta',
  removeAnswer: (n) => `Quitar la respuesta ${n}`,
  addRepeat: (what) => `Agregar otro: ${what}`,
  removeRepeat: (what, n) => `Quitar ${what} ${n}`,
  page: (n, total) => `Página ${n} de ${total}`,
  next: 'Siguiente',
  back: 'Atrás',
  loadingAnswers: 'Cargando las respuestas…',
  tryAgain: 'Intentar de nuevo',
  typeToSearch: 'Escriba algunas letras y elija de la lista.',
  searching: 'Buscando…',
  matches: (count) =>
    count === 1
      ? '1 resultado. Use la flecha hacia abajo para elegirlo.'
      : `${count} resultados. Use la flecha hacia abajo para elegir uno.`,
  noMatches: 'No hay resultados. Pruebe con otras palabras.',
  searchFailed: 'No se pudo buscar en la lista de respuestas en este momento. Inténtelo de nuevo.',
  fileRules: (accepted, max) =>
    accepted ? `Se aceptan: ${accepted}, de ${max} como máximo.` : `De ${max} como máximo.`,
  // Apart from the English table's helpers: this table is a chunk of its own that imports nothing from the engine's.
  fileKinds: (accepted) =>
    new Intl.ListFormat('es', { type: 'disjunction' }).format(
      accepted
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean)
        .map((type) =>
          type === 'image/*'
            ? 'cualquier imagen'
            : type.endsWith('/*')
              ? `cualquier ${type.slice(0, -2)}`
              : (type.split('/')[1] ?? type).toUpperCase(),
        ),
    ),
  fileSize: (bytes) => {
    const mega = bytes >= 1024 * 1024;
    const unit = mega ? 'megabyte' : 'kilobyte';
    const amount = Math.max(bytes / (mega ? 1024 * 1024 : 1024), 0.1);
    return new Intl.NumberFormat('es', { style: 'unit', unit, maximumFractionDigits: 1 }).format(amount);
  },
  fileChosen: (name, size) => `Elegido: ${name} (${size})`,
  removeFile: 'Quitar el archivo',
  readingFile: 'Leyendo el archivo…',
  opensInNewTab: '(se abre en una pestaña nueva)',
} satisfies EngineStrings;
