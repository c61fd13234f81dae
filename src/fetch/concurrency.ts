/** A counting semaphore: at most `limit` holders at once. */
export interface Semaphore {
  /**
   * Runs `task` when a slot is free. Waiters are served lane by lane in turn (first come, first
   * served within a lane), so a lane with thousands of queued tasks does not hold up the others;
   * an `ahead` waiter (a retry, which already waited its turn once) before any lane.
   */
  run<T>(task: () => Promise<T>, lane?: string, ahead?: boolean): Promise<T>;
}

/** A {@link Semaphore} with `limit` slots. */
export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  // Lanes with waiters, in turn order; a Map keeps insertion order and re-inserting moves a lane to the back.
  const lanes = new Map<string, Array<() => void>>();
  const aheadOfLanes: Array<() => void> = [];
  const release = () => {
    const first = aheadOfLanes.shift();
    if (first !== undefined) {
      first();
      return;
    }
    const turn = lanes.entries().next();
    if (turn.done === true) {
      active -= 1;
      return;
    }
    const [lane, waiting] = turn.value;
    const next = waiting.shift()!;
    lanes.delete(lane);
    if (waiting.length > 0) lanes.set(lane, waiting);
    next();
  };
  return {
    async run(task, lane = '', ahead = false) {
      if (active < limit) active += 1;
      else {
        await new Promise<void>((resolve) => {
          if (ahead) {
            aheadOfLanes.push(resolve);
            return;
          }
          const waiting = lanes.get(lane);
          if (waiting === undefined) lanes.set(lane, [resolve]);
          else waiting.push(resolve);
        });
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Maps `items` with at most `limit` calls of `task` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
