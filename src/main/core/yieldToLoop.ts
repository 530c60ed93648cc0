// Lets the event loop run (the app's own work, its writes included) between two transactions of a long job.

/**
 * Resolves once the event loop has gone round: due timers have fired and waiting I/O (the window's requests) has been
 * handled. One setImmediate is not enough: called from an I/O callback (a worker's message, which is where an import
 * takes each chunk in), it resolves in the same round's check phase, before any timer, so a job whose next step was
 * already waiting ran two transactions back to back. A setImmediate queued from the check phase waits for the next
 * round.
 */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
