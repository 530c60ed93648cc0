// The rep's settings: what they are, their defaults, and how each is validated.
import { z } from 'zod';
import { callingSettingsShape, defaultCallingSettings } from './calling';
import { isCountryCode } from './countries';
import { defaultSendingSettings, sendingSettingsShape } from './sendingSettings';
import { isTimeZone } from './timeZones';

export const SettingsSchema = z.object({
  repName: z.string().trim().max(120),
  repEmail: z.union([z.literal(''), z.string().trim().email('Enter a valid email address').max(254)]),
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list (an IANA name such as Europe/Berlin)'),
  defaultCountry: z.string().refine(isCountryCode, 'Choose a country from the list (a two-letter code such as US)'),
  ...sendingSettingsShape,
  ...callingSettingsShape,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function defaultSettings(systemTimeZone: string): Settings {
  return {
    repName: '',
    repEmail: '',
    timeZone: isTimeZone(systemTimeZone) ? systemTimeZone : 'UTC',
    defaultCountry: 'US',
    ...defaultSendingSettings(),
    ...defaultCallingSettings(),
  };
}
