/**
 * The time zone most of each US state (and territory) keeps. SMART Scheduling Links locations carry an address but
 * no time zone; slots carry their own offsets, so this only decides the zone times are shown in. States split
 * between zones get the zone of most of their people; a publisher can say better with the `timezone` extension.
 */
const ZONES: Readonly<Record<string, string>> = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise',
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago',
  KS: 'America/Chicago',
  KY: 'America/New_York',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago',
  TN: 'America/Chicago',
  TX: 'America/Chicago',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
  PR: 'America/Puerto_Rico',
  VI: 'America/St_Thomas',
  GU: 'Pacific/Guam',
  MP: 'Pacific/Saipan',
  AS: 'Pacific/Pago_Pago',
};

/** Where a location is, beyond its state: enough to place it in a state split between two zones. */
export interface PlaceHints {
  postalCode?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

interface Split {
  /** The zone of the state's smaller part. */
  zone: string;
  /** ZIP codes (3-digit prefixes or full 5-digit codes) of that part. */
  zips?: readonly string[];
  /** Whether a position lies in that part (an approximation of the zone line: a county boundary or a river). */
  at?: (latitude: number, longitude: number) => boolean;
}

/**
 * States split between two zones: the smaller part's zone, found by position first (more precise), then by ZIP code.
 * The lines are approximations; a publisher's `timezone` extension always wins.
 */
const SPLITS: Readonly<Record<string, Split>> = {
  // El Paso and Hudspeth counties keep Mountain time.
  TX: {
    zone: 'America/Denver',
    zips: ['799', '885', '79821', '79835', '79836', '79837', '79838', '79839', '79849', '79851', '79853'],
    at: (_lat, lon) => lon < -104.92,
  },
  // The panhandle west of the Apalachicola River keeps Central time.
  FL: { zone: 'America/Chicago', zips: ['324', '325'], at: (lat, lon) => lat > 29.6 && lon < -85.0 },
  // East Tennessee (Knoxville, Chattanooga, the Tri-Cities) keeps Eastern time.
  TN: { zone: 'America/New_York', zips: ['373', '374', '376', '377', '378', '379'] },
  // Western Kentucky (Paducah, Bowling Green, Owensboro) keeps Central time.
  KY: { zone: 'America/Chicago', zips: ['420', '421', '422', '423', '424'] },
  // The Gary and Evansville corners keep Central time.
  IN: {
    zone: 'America/Chicago',
    zips: ['463', '464', '476', '477'],
    at: (lat, lon) => lon < -86.9 && (lat > 41.0 || lat < 38.3),
  },
  // Four Upper Peninsula counties on the Wisconsin line keep Central time.
  MI: { zone: 'America/Menominee', at: (lat, lon) => lat > 45.0 && lon < -87.5 },
  // The south-west keeps Mountain time.
  ND: { zone: 'America/Denver', zips: ['586'], at: (lat, lon) => lat < 47.3 && lon < -101.3 },
  // West of the Missouri keeps Mountain time.
  SD: { zone: 'America/Denver', zips: ['577'] },
  // The panhandle keeps Mountain time.
  NE: { zone: 'America/Denver', zips: ['693'], at: (_lat, lon) => lon < -101.9 },
  // Four western counties keep Mountain time.
  KS: { zone: 'America/Denver', zips: ['67735', '67758', '67878', '67879'], at: (_lat, lon) => lon < -101.48 },
  // The northern panhandle keeps Pacific time.
  ID: { zone: 'America/Los_Angeles', zips: ['835', '838'], at: (lat) => lat > 45.6 },
  // Malheur County keeps Mountain time.
  OR: { zone: 'America/Boise', zips: ['979'], at: (lat, lon) => lat < 44.5 && lon > -118.2 },
  // The Aleutians west of 169.5°W keep Hawaii-Aleutian time.
  AK: { zone: 'America/Adak', zips: ['99546', '99547'], at: (_lat, lon) => lon < -169.5 || lon > 0 },
  // West Wendover keeps Mountain time.
  NV: { zone: 'America/Denver', zips: ['89883'] },
};

function inSplit(split: Split, place: PlaceHints): boolean | undefined {
  const { latitude, longitude } = place;
  if (split.at && latitude !== undefined && longitude !== undefined && Number.isFinite(latitude + longitude)) {
    return split.at(latitude, longitude);
  }
  const zip = place.postalCode?.trim().slice(0, 5);
  if (split.zips && zip && /^\d{5}$/.test(zip)) return split.zips.some((prefix) => zip.startsWith(prefix));
  return undefined;
}

/**
 * The zone of a two-letter state code (any case), if it is one. In a state split between two zones, the location's
 * position or postal code decides; without either, the zone most of the state keeps.
 */
export function stateTimeZone(state: string | undefined, place: PlaceHints = {}): string | undefined {
  if (state === undefined) return undefined;
  const code = state.trim().toUpperCase();
  const split = SPLITS[code];
  if (split && inSplit(split, place)) return split.zone;
  return ZONES[code];
}
