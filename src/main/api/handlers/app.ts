// Handlers for the app shell's methods.
import type { Core } from '../../core/createCore';
import type { HandlerGroup } from '../handlers';

export function appHandlers(core: Core): HandlerGroup<'app.info' | 'app.counts'> {
  const { env } = core.deps;
  return {
    'app.info': () => ({
      name: env.appName,
      version: env.version,
      transport: env.transport,
      dataDir: env.dataDir,
      testMode: env.testMode,
    }),
    'app.counts': () => core.navCounts(),
  };
}
