// The Today queue's pure rules: which section a step run belongs to, when it counts as overdue, and the order reps work it in.
import type { StepType } from './sequence';

export const queueSections = ['emails', 'calls', 'tasks'] as const;
export type QueueSection = (typeof queueSections)[number];

/** overdue: left over from an earlier day; due: due today by now; later: due later today. */
export const dueBands = ['overdue', 'due', 'later'] as const;
export type DueBand = (typeof dueBands)[number];

export function sectionOf(type: StepType): QueueSection {
  if (type === 'call') return 'calls';
  if (type === 'task') return 'tasks';
  return 'emails';
}

export function dueBand(dueAt: number, now: number, startOfRepDay: number): DueBand {
  if (dueAt < startOfRepDay) return 'overdue';
  return dueAt <= now ? 'due' : 'later';
}

const bandRank: Record<DueBand, number> = { overdue: 0, due: 1, later: 2 };

/** Overdue first, then what is due now, then later today; within a band the earliest due first, ties by id. */
export function compareQueueItems(a: { band: DueBand; dueAt: number; id: number }, b: { band: DueBand; dueAt: number; id: number }): number {
  return bandRank[a.band] - bandRank[b.band] || a.dueAt - b.dueAt || a.id - b.id;
}

export interface SectionCounts {
  total: number;
  overdue: number;
  due: number;
  later: number;
}

export function countBands(items: readonly { band: DueBand }[]): SectionCounts {
  const c: SectionCounts = { total: items.length, overdue: 0, due: 0, later: 0 };
  for (const i of items) c[i.band]++;
  return c;
}

/** Calls and tasks the rep is reminded of (emails to approve are worked in the queue, not announced). */
export const remindedTypes: readonly StepType[] = ['call', 'task'];
