// Handlers for mailboxes (connect Gmail, disconnect, sync, options) and the inbound mail Repdesk stored.
import type { Core } from '../../core/createCore';
import { toView } from '../../core/inbox/handleInbound';
import type { HandlerGroup } from '../handlers';

type MailboxMethods =
  | 'mailboxes.list'
  | 'mailboxes.setGoogleClient'
  | 'mailboxes.setOptions'
  | 'mailboxes.connectGmail'
  | 'mailboxes.awaitConnect'
  | 'mailboxes.cancelConnect'
  | 'mailboxes.disconnect'
  | 'mailboxes.setDailyCap'
  | 'mailboxes.syncNow'
  | 'inbox.recent'
  | 'inbox.forProspect';

export function mailboxHandlers(core: Core): HandlerGroup<MailboxMethods> {
  const { mailboxes, messages } = core.mail;
  return {
    'mailboxes.list': () => mailboxes.overview(),
    'mailboxes.setGoogleClient': (client) => mailboxes.setGoogleClient(client),
    'mailboxes.setOptions': (patch) => mailboxes.setOptions(patch),
    'mailboxes.connectGmail': (req) => mailboxes.connectGmail(req.acceptWeakStorage ?? false),
    'mailboxes.awaitConnect': (req) => mailboxes.awaitConnect(req.flowId),
    'mailboxes.cancelConnect': (req) => ({ cancelled: mailboxes.cancelConnect(req.flowId) }),
    'mailboxes.disconnect': (req) => mailboxes.disconnect(req.accountId),
    'mailboxes.setDailyCap': (req) => mailboxes.setDailyCap(req.accountId, req.dailyCap),
    'mailboxes.syncNow': (req) => mailboxes.syncNow(req.accountId),
    'inbox.recent': (req) => messages.recent(req.limit ?? 50).map(toView),
    'inbox.forProspect': (req) => messages.forProspect(req.prospectId).map(toView),
  };
}
