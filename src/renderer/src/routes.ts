// The app's screens and how they map to the location hash, so a reload stays on the same screen.
export const screens = ['today', 'sequences', 'prospects', 'analytics', 'settings'] as const;
export type Screen = (typeof screens)[number];

export const screenTitles: Record<Screen, string> = {
  today: 'Today',
  sequences: 'Sequences',
  prospects: 'Prospects',
  analytics: 'Analytics',
  settings: 'Settings',
};

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (screens as readonly string[]).includes(name ?? '') ? (name as Screen) : 'today';
}
