// Lets the event loop run (the app's own work, its writes included) between two transactions of a long job.
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
