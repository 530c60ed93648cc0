// The API contract: every method the window may call and every event it may receive.
// The preload exposes exactly this list, the api layer validates against it, the renderer is typed by it.
import type { z } from 'zod';
import { appMethods } from './app';
import { engineMethods } from './engine';
import { enrollmentMethods } from './enrollments';
import { events } from './events';
import { mailboxMethods } from './mailboxes';
import { queueMethods } from './queue';
import { sequenceMethods } from './sequences';
import { importMethods } from './imports';
import { prospectMethods } from './prospects';
import { settingsMethods } from './settings';
import { suppressionMethods } from './suppressions';

export const methods = {
  ...appMethods,
  ...settingsMethods,
  ...mailboxMethods,
  ...sequenceMethods,
  ...enrollmentMethods,
  ...engineMethods,
  ...importMethods,
  ...prospectMethods,
  ...suppressionMethods,
  ...queueMethods,
};

export { events };
export * from './define';

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The channel names both transports use; one place so they cannot drift. */
export const ipcChannel = {
  call: 'repdesk:call',
  event: 'repdesk:event',
} as const;
