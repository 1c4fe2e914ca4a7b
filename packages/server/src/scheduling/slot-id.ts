/**
 * A slot id names its provider, location and start (`maria-hernandez|franklin|20260309T1400Z`), so booking by slot id
 * needs no slots table: the server parses it and checks that the provider's rules really offer that time. Provider
 * and location ids cannot contain `|` (the clinic file refuses them); the start is UTC to the minute.
 */
export interface SlotKey {
  providerId: string;
  /** Undefined for video visits. */
  locationId: string | undefined;
  startMs: number;
}

const START = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function formatSlotId(key: SlotKey): string {
  const d = new Date(key.startMs);
  const start = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
  return `${key.providerId}|${key.locationId ?? ''}|${start}`;
}

export function parseSlotId(id: string): SlotKey | undefined {
  const parts = id.split('|');
  if (parts.length !== 3) return undefined;
  const [providerId, locationId, start] = parts as [string, string, string];
  const match = START.exec(start);
  if (!providerId || !match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const startMs = Date.UTC(y, mo - 1, d, h, mi);
  // Refuse what Date.UTC would quietly roll over (month 13, 25:00): such an id was never handed out.
  if (formatSlotId({ providerId, locationId: undefined, startMs }).slice(providerId.length + 2) !== start) {
    return undefined;
  }
  return { providerId, locationId: locationId || undefined, startMs };
}
