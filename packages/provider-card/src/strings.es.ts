import type { ProviderStrings } from './strings.js';

/** Spanish strings, loaded only when the page (or an ancestor) says `lang="es"`. */
export default {
  accepting: (value) =>
    ({ yes: 'Acepta pacientes nuevos', 'existing-only': 'Solo pacientes actuales', no: 'No acepta pacientes nuevos' })[
      value
    ],
  telehealth: 'Consultas por video',
  inPerson: 'Consultas en persona',
  specialties: 'Especialidades',
  languages: 'Idiomas',
  locations: 'Ubicaciones',
  phone: 'Teléfono',
  map: 'Mapa',
  mapOf: (place) => `Mapa de ${place} (se abre en una pestaña nueva)`,
  nextAvailable: 'Próxima cita disponible',
  book: 'Reservar',
  bookWith: (name) => `con ${name}`,
  booking: (name) => `Reservar con ${name}`,
  readMore: 'Leer más',
  readLess: 'Mostrar menos',
  about: (name) => `Acerca de ${name}`,
  notFound: 'No encontramos a este profesional.',
  filters: 'Filtrar profesionales',
  search: 'Buscar por nombre',
  specialty: 'Especialidad',
  language: 'Idioma',
  location: 'Ubicación',
  any: 'Cualquiera',
  telehealthOnly: 'Ofrece consultas por video',
  acceptingOnly: 'Acepta pacientes nuevos',
  sort: 'Ordenar por',
  sortName: 'Nombre',
  sortNext: 'Próxima cita disponible',
  count: (n) => (n === 1 ? '1 profesional' : `${n} profesionales`),
  results: 'Profesionales',
  noProviders: 'Todavía no hay profesionales en la lista.',
  noMatch: 'Ningún profesional coincide con sus filtros.',
  relax: (filter) => `Pruebe a quitar el filtro «${filter}».`,
  clear: (filter) => `Quitar «${filter}»`,
  clearAll: 'Quitar todos los filtros',
} satisfies ProviderStrings;
