/**
 * Runs tasks one after another. The vault has one writer and unlocking awaits between steps: two
 * calls interleaving there could open the vault twice and leave keys of the first one unwiped.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
