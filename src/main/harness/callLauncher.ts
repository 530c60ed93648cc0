// The harness's CallLauncher: records every call link; outside test mode it asks the browser window to open it.
import type { EventBus } from '../core/eventBus';
import type { CallLauncher } from '../core/ports';

export function harnessCallLauncher(bus: EventBus, testMode: boolean): CallLauncher {
  const requested: string[] = [];
  return {
    async openExternal(uri) {
      requested.push(uri);
      // In tests nothing dials: the test reads what was asked for through test.launcher.requests.
      if (!testMode) bus.emit('launcher.open', { uri });
    },
    requested: () => requested,
  };
}
