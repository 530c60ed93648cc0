// Handlers for the rep's settings.
import { listCountries } from '../../../shared/domain/countries';
import { listTimeZones } from '../../../shared/domain/timeZones';
import type { Core } from '../../core/createCore';
import { UserError } from '../../core/errors';
import type { HandlerGroup } from '../handlers';

export function settingsHandlers(core: Core): HandlerGroup<'settings.get' | 'settings.update' | 'settings.options'> {
  return {
    'settings.get': () => core.settings.get(),
    'settings.update': (patch) => {
      // A running import holds the store's write lock; waiting for it here would freeze the app.
      if (core.imports.isRunning()) throw new UserError('conflict', 'An import is running. Save your settings again when it has finished; nothing was changed.');
      return core.settings.update(patch);
    },
    'settings.options': () => ({ timeZones: listTimeZones(), countries: listCountries() }),
  };
}
