// Methods for the rep's settings.
import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { empty, method } from './define';

export const settingsMethods = {
  'settings.get': method(empty, SettingsSchema),
  'settings.update': method(SettingsPatchSchema, SettingsSchema),
  'settings.options': method(
    empty,
    z.object({
      timeZones: z.array(z.string()),
      countries: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
};
