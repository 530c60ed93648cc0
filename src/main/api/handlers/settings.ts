// Handlers for the rep's settings.
import { listCountries } from '../../../shared/domain/countries';
import { listTimeZones } from '../../../shared/domain/timeZones';
import type { Core } from '../../core/createCore';
import type { HandlerGroup } from '../handlers';

export function settingsHandlers(core: Core): HandlerGroup<'settings.get' | 'settings.update' | 'settings.options'> {
  return {
    'settings.get': () => core.settings.get(),
    'settings.update': (patch) => core.settings.update(patch),
    'settings.options': () => ({ timeZones: listTimeZones(), countries: listCountries() }),
  };
}
