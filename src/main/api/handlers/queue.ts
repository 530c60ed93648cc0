// Handlers for the Today queue, click-to-call, the demo workspace and the test-only record of opened call links.
import type { Core } from '../../core/createCore';
import { UserError } from '../../core/errors';
import type { HandlerGroup } from '../handlers';

type QueueMethods = 'queue.today' | 'queue.approveMany' | 'queue.holdBack' | 'queue.call' | 'demo.load' | 'demo.clear' | 'test.launcher.requests';

export function queueHandlers(core: Core): HandlerGroup<QueueMethods> {
  return {
    'queue.today': () => core.queue.today(),
    'queue.approveMany': ({ ids }) => core.queueActions.approveMany(ids),
    'queue.holdBack': ({ id }) => core.queueActions.holdBack(id),
    'queue.call': ({ id }) => core.queueActions.call(id),
    'demo.load': () => {
      const out = core.demo.load();
      core.scheduler.wake();
      return out;
    },
    'demo.clear': () => core.demo.clear(),
    'test.launcher.requests': () => {
      const launcher = core.deps.launcher;
      if (!core.deps.env.testMode || !launcher?.requested) throw new UserError('conflict', 'The record of opened links is only available in test mode (harness --test-mode).');
      return [...launcher.requested()];
    },
  };
}
