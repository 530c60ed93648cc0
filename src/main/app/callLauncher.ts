// The app's CallLauncher: hands call links (tel:, callto:, sip:, a softphone's scheme) to the OS.
import { shell } from 'electron';
import type { CallLauncher } from '../core/ports';
import { callTemplateProblem } from '../../shared/domain/calling';

export function shellCallLauncher(): CallLauncher {
  return {
    async openExternal(uri) {
      // Core built it from a validated template; check again here, where the OS is told to open it.
      if (callTemplateProblem(uri.replace(/^([^:]+:).*$/, '$1{phone}')) !== null) throw new Error(`Refused to open ${uri.split(':')[0]}: links`);
      await shell.openExternal(uri);
    },
  };
}
