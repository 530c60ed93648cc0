// Handlers for enrollments, the rep's actions on step runs, and the prospect's timeline.
import type { Core } from '../../core/createCore';
import { UserError } from '../../core/errors';
import type { HandlerGroup } from '../handlers';

type EnrollmentMethods =
  | 'enrollments.create'
  | 'enrollments.list'
  | 'enrollments.pause'
  | 'enrollments.resume'
  | 'enrollments.finish'
  | 'enrollments.move'
  | 'stepRuns.list'
  | 'stepRuns.approve'
  | 'stepRuns.skip'
  | 'stepRuns.reschedule'
  | 'stepRuns.complete'
  | 'stepRuns.logCall'
  | 'stepRuns.retry'
  | 'timeline.list';

export function enrollmentHandlers(core: Core): HandlerGroup<EnrollmentMethods> {
  const e = core.enrollments;
  const r = core.stepRuns;
  return {
    'enrollments.create': (req) => {
      // A running import holds the write lock until it commits: refuse now rather than freeze, as prospect writes do.
      if (core.imports.isRunning()) throw new UserError('conflict', 'An import is running. Enroll when it has finished (or cancel it).');
      const ids = req.prospectIds ?? e.prospectIdsFor(req.filter ?? {});
      const results = e.create(req.sequenceId, ids, { allowActiveElsewhere: req.allowActiveElsewhere ?? false });
      core.scheduler.wake();
      const enrolled = results.filter((x) => x.enrollmentId !== null).length;
      return { enrolled, refused: results.length - enrolled, results };
    },
    'enrollments.list': (req) => e.list(req),
    'enrollments.pause': (req) => e.pauseOne(req.id, req.until ?? null, 'Paused by the rep'),
    'enrollments.resume': (req) => {
      const out = e.resume(req.id);
      core.scheduler.wake();
      return out;
    },
    'enrollments.finish': (req) => e.finish(req.id, req.reason),
    'enrollments.move': (req) => e.move(req.id, req.toSequenceId),
    'stepRuns.list': (req) => r.list(req.enrollmentId),
    'stepRuns.approve': (req) => r.approve(req.id, { subject: req.subject, body: req.body }),
    'stepRuns.skip': (req) => r.skip(req.id, req.reason),
    'stepRuns.reschedule': (req) => r.reschedule(req.id, req.dueAt),
    'stepRuns.complete': (req) => r.complete(req.id, req.note),
    'stepRuns.logCall': (req) => r.logCall(req.id, { outcome: req.outcome, ...(req.notes !== undefined ? { notes: req.notes } : {}) }),
    'stepRuns.retry': (req) => r.retry(req.id),
    'timeline.list': (req) => core.engine.q.events.timeline(req.prospectId, req.limit ?? 100, req.beforeId),
  };
}
