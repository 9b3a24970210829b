/**
 * Requests waiting for an answer from the other side of a process boundary, matched by id. Used on both
 * ends of the vault process: main waits for results, the vault process waits for dialog answers.
 */
export function pendingReplies<T>() {
  const waiting = new Map<number, { resolve: (value: T) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  return {
    /** A fresh id and the promise its answer will settle. */
    open(): [number, Promise<T>] {
      const id = nextId++;
      const promise = new Promise<T>((resolve, reject) => waiting.set(id, { resolve, reject }));
      return [id, promise];
    },
    /** Settles one request; an unknown or repeated id is ignored. */
    settle(id: number, value: T): void {
      waiting.get(id)?.resolve(value);
      waiting.delete(id);
    },
    /** Fails everything still waiting (the other side went away). */
    failAll(error: unknown): void {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
