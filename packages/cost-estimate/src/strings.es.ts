import type { CostEstimateStrings } from './strings.js';

/** Spanish words of fd-cost-estimate, loaded only when a page in Spanish shows the widget. */
export default {
  heading: 'Costo estimado',
  loading: 'Cargando el precio…',
  waiting: 'Elija un tipo de consulta para ver cuánto le costará probablemente.',
  setupTitle: 'Este cálculo de costo no está bien configurado',

  payerLegend: '¿Cómo va a pagar?',
  payerSelf: 'Voy a pagar por mi cuenta',
  payerInsured: 'Tengo seguro médico',
  termsLegend: 'Los costos de su plan',
  termsHint: 'Su tarjeta del seguro, la aplicación de su plan o su servicio al afiliado le pueden dar estos datos.',
  planLabel: 'Su plan de seguro (opcional)',
  planHelp: 'Si su plan aparece en la lista, usamos el precio que la clínica acordó con él.',
  planNone: 'No aparece o no estoy seguro',
  deductibleRemainingLabel: 'Deducible que le falta pagar este año',
  deductibleRemainingHelp:
    'Lo que todavía paga usted este año antes de que su plan empiece a compartir los costos. Déjelo en blanco si ya lo cubrió.',
  coinsuranceLabel: 'Coseguro, en porcentaje',
  coinsuranceHelp:
    'Su parte del costo después del deducible: 20 significa que usted paga el 20 %. Déjelo en blanco si no tiene.',
  copayLabel: 'Copago de esta consulta',
  copayHelp:
    'Una cantidad fija que paga en cada consulta; suele estar en su tarjeta del seguro. Déjelo en blanco si no tiene.',
  outOfPocketRemainingLabel: 'Máximo de gastos de bolsillo que le queda este año (opcional)',
  outOfPocketRemainingHelp:
    'Lo máximo que todavía podría pagar este año por la atención cubierta; después, su plan paga todo. Déjelo en blanco si no lo sabe.',
  copayOnlyLabel: 'El copago es todo lo que pago por este tipo de consulta',
  copayOnlyHelp: 'Algunos planes cobran solo el copago en las consultas: sin deducible ni coseguro.',
  submit: 'Ver mi estimado',
  moneyError: (error) =>
    ({
      empty: 'Escriba una cantidad.',
      invalid: 'Escriba la cantidad en números, por ejemplo 200 o 200,50.',
      negative: 'La cantidad no puede ser menor que cero.',
      'too-many-decimals': 'Use como máximo dos decimales.',
      'too-large': 'Esa cantidad es demasiado grande. Revísela, por favor.',
    })[error],
  percentError: (error) =>
    ({
      empty: 'Escriba un porcentaje.',
      invalid: 'Escriba el porcentaje en números, por ejemplo 20.',
      negative: 'El porcentaje no puede ser menor que cero.',
      'too-many-decimals': 'Use como máximo dos decimales.',
      'too-large': 'El coseguro no puede ser mayor que el 100 %.',
    })[error],
  fixFields: (count) => (count === 1 ? 'Corrija 1 dato, por favor.' : `Corrija ${count} datos, por favor.`),
  fieldProblem: (label, message) => `${label}: ${message}`,

  totalSelfPay: 'Su precio con descuento por pago directo',
  totalInsured: 'Probablemente pagará',
  range: (low, high) => `de ${low} a ${high}`,
  planPays: (amount) => `Su plan paga aproximadamente ${amount}`,
  inNetwork: 'Dentro de la red',
  outOfNetwork: 'Fuera de la red',
  networksLabel: 'Dentro y fuera de la red',
  yourEstimate: 'Su estimado',
  tableCaption: 'Cómo lo calculamos',
  tableCaptionRange: 'Cómo lo calculamos, en el extremo alto del rango',
  columnItem: 'Concepto',
  columnAmount: 'Cantidad',
  rowBilled: 'Cargo estándar de la clínica',
  rowCashPrice: 'Precio con descuento por pago directo',
  rowAllowed: 'Cantidad que permite su plan',
  rowDeductible: 'Deducible que usted paga',
  rowCopay: 'Copago',
  rowCoinsurance: 'Coseguro',
  rowNotCovered: 'No cubierto por su plan',
  rowBalance: 'Posible cobro del saldo',
  rowTotal: 'Usted paga',
  rowPlanPays: 'Su plan paga',

  goodFaithNotice: (threshold) =>
    `Este es un Estimado de Buena Fe para pacientes que pagan por su cuenta. Es un estimado, no un contrato: su factura final puede ser diferente. Si su factura final supera este estimado en ${threshold} o más, usted tiene derecho a disputarla.`,
  insuredNotice:
    'Este es un estimado, no una garantía. Su plan decide cuánto paga cuando procesa el reclamo, por lo que su factura final puede ser diferente.',
  outOfPocketReached:
    'Con esta consulta alcanza su máximo de gastos de bolsillo, así que su plan paga el resto del costo cubierto.',
  balanceBilling: 'Fuera de la red, el proveedor puede cobrarle la diferencia entre su cargo y lo que permite su plan.',
  priceRange:
    'El precio que su plan acordó con la clínica no se publica con exactitud, así que su costo se muestra como un rango.',
  assumedTitle: 'Lo que supusimos',
  assumedInNetwork: 'La clínica está dentro de la red de su plan.',
  assumedOutOfNetwork: 'La clínica está fuera de la red de su plan.',
  assumedPlan: (name) => `Su plan: ${name}.`,
  assumedExactRate: 'El precio que la clínica acordó con su plan.',
  assumedRangeRate: 'Los precios más bajo y más alto que la clínica acordó con los planes de seguro.',
  assumedStandardCharge: 'El cargo estándar de la clínica, porque no se publica un precio acordado.',
  assumedDeductible: (amount) => `Deducible que le falta pagar: ${amount}.`,
  assumedCoinsurance: (percent) => `Coseguro: ${percent}.`,
  assumedCopay: (amount) => `Copago: ${amount}.`,
  assumedCopayOnly: (amount) => `Copago: ${amount}, y es todo lo que paga por esta consulta.`,
  assumedOutOfPocket: (amount) => `Máximo de gastos de bolsillo que le queda: ${amount}.`,
  assumedNoOutOfPocket: 'No se indicó un máximo de gastos de bolsillo.',

  missingTitle: 'No tenemos un precio en línea para este servicio.',
  missingCall: (clinic) => `Llame a ${clinic} para pedir un estimado:`,
  missingAsk: 'Pida un estimado a la clínica, por favor.',
  announceEstimate: (label, total) => `Estimado listo. ${label}: ${total}.`,
} satisfies CostEstimateStrings;
