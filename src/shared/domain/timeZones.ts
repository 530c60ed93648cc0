// IANA time zone names as the runtime's ICU knows them.
const known = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);

export function isTimeZone(value: string): boolean {
  if (known.has(value)) return true;
  try {
    // Aliases (e.g. "Asia/Calcutta") are valid but not listed by supportedValuesOf.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export function listTimeZones(): string[] {
  return [...known].sort();
}

/**
 * A zone as the rep reads it: "America/Los Angeles" for America/Los_Angeles, and "UTC-5" for Etc/GMT+5 (a fixed
 * offset, whose IANA name has the sign the other way round).
 */
export function zoneName(zone: string): string {
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (fixed) return `UTC${fixed[1] === '+' ? '-' : '+'}${fixed[2]}`;
  return zone.replaceAll('_', ' ');
}
