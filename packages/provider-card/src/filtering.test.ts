import type { Provider } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { initials, mapHref, nameWithCredentials, safePhotoUrl } from './display.js';
import { filterProviders, filterToRelax, NO_FILTERS, nameMatches, resolveOption, sortProviders } from './filtering.js';

function provider(id: string, overrides: Partial<Provider> = {}): Provider {
  return {
    id,
    displayName: id,
    credentials: [],
    specialties: [],
    languages: ['en'],
    acceptingNewPatients: 'yes',
    locationIds: [],
    telehealth: false,
    inPerson: true,
    ...overrides,
  };
}

const cardio = { code: '207RC0000X', display: 'Cardiology' };
const family = { code: '207Q00000X', display: 'Family medicine' };
const jose = provider('jose', {
  displayName: 'José Müller',
  name: { prefix: 'Dr.', given: ['José'], family: 'Müller' },
  specialties: [cardio],
  languages: ['en', 'es-MX'],
  locationIds: ['north'],
  telehealth: true,
  nextAvailable: '2026-03-10T09:00:00-05:00',
});
const ana = provider('ana', {
  displayName: 'Ana Álvarez',
  specialties: [family],
  acceptingNewPatients: 'existing-only',
  locationIds: ['south'],
  nextAvailable: '2026-03-09T15:00:00Z',
});
const zoe = provider('zoe', { displayName: 'Zoe Brown', specialties: [family], languages: ['fr'] });
const all = [jose, ana, zoe];

describe('provider filters', () => {
  it('searches names ignoring case and accents, word by word', () => {
    expect(nameMatches(jose, 'jose')).toBe(true);
    expect(nameMatches(jose, 'MULLER jos')).toBe(true);
    expect(nameMatches(ana, 'alvarez')).toBe(true);
    expect(nameMatches(ana, 'brown')).toBe(false);
    expect(nameMatches(ana, '   ')).toBe(true);
  });

  it('combines specialty, language, location, telehealth and accepting filters', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => filterProviders(all, { ...NO_FILTERS, ...f }).map((p) => p.id);
    expect(ids({})).toEqual(['jose', 'ana', 'zoe']);
    expect(ids({ specialty: family.code })).toEqual(['ana', 'zoe']);
    expect(ids({ language: 'es' })).toEqual(['jose']);
    expect(ids({ location: 'south' })).toEqual(['ana']);
    expect(ids({ telehealth: true })).toEqual(['jose']);
    expect(ids({ accepting: true, specialty: family.code })).toEqual(['zoe']);
    expect(ids({ query: 'zoe', language: 'fr' })).toEqual(['zoe']);
  });

  it('names the filter whose removal brings back the most providers', () => {
    expect(filterToRelax(all, { ...NO_FILTERS, specialty: cardio.code, language: 'fr' })).toBe('specialty');
    expect(filterToRelax(all, { ...NO_FILTERS, telehealth: true, query: 'zoe' })).toBe('query');
    expect(filterToRelax(all, { ...NO_FILTERS, query: 'nobody', language: 'de' })).toBeUndefined();
  });

  it('resolves presets by value, or by label written any way', () => {
    const options = [
      { value: cardio.code, label: cardio.display },
      { value: family.code, label: family.display },
    ];
    expect(resolveOption('cardiology', options)).toBe(cardio.code);
    expect(resolveOption('family-medicine', options)).toBe(family.code);
    expect(resolveOption('207q00000x', options)).toBe(family.code);
    expect(resolveOption('podiatry', options)).toBe('podiatry');
    expect(resolveOption('', options)).toBe('');
  });

  it('sorts by family name, or soonest next available with unknown last', () => {
    expect(sortProviders(all, 'name', 'en').map((p) => p.id)).toEqual(['ana', 'zoe', 'jose']);
    expect(sortProviders(all, 'next', 'en').map((p) => p.id)).toEqual(['ana', 'jose', 'zoe']);
    expect(sortProviders(all, 'name', 'not a locale!').length).toBe(3);
  });
});

describe('provider display helpers', () => {
  it('never lets a non-http photo URL through', () => {
    expect(safePhotoUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
    expect(safePhotoUrl('javascript:alert(1)')).toBeUndefined();
    expect(safePhotoUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(safePhotoUrl('/relative.jpg')).toBeUndefined();
    expect(safePhotoUrl(42)).toBeUndefined();
  });

  it('makes initials from name parts or the display name without titles', () => {
    expect(initials(jose)).toBe('JM');
    expect(initials({ displayName: 'Dr. ángela de la Cruz, MD' })).toBe('ÁC');
    expect(initials({ displayName: 'Cher' })).toBe('C');
  });

  it('adds credentials the display name lacks', () => {
    expect(nameWithCredentials({ displayName: 'Ana Álvarez', credentials: ['MD', 'FACP'] })).toBe(
      'Ana Álvarez, MD, FACP',
    );
    expect(nameWithCredentials({ displayName: 'Ana Álvarez, MD', credentials: ['MD'] })).toBe('Ana Álvarez, MD');
  });

  it('builds https map links without leaking anything else', () => {
    const location = {
      id: 'n',
      name: 'North & Co',
      timeZone: 'America/Chicago',
      address: { lines: ['1 Main St'], city: 'Nashville', state: 'TN', postalCode: '37203' },
    };
    const href = mapHref(location);
    expect(href.startsWith('https://www.google.com/maps/search/?api=1&query=')).toBe(true);
    expect(decodeURIComponent(href.split('query=')[1]!)).toBe('North & Co, 1 Main St, Nashville, TN 37203');
    expect(mapHref(location, 'javascript:{query}')).toBe(href);
    expect(mapHref(location, 'https://www.openstreetmap.org/search?query={query}')).toContain('openstreetmap.org');
  });
});
