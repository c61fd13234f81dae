import { describe, expect, it } from 'vitest';
import { createSemaphore } from '../../src/fetch/concurrency.js';

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('semaphore', () => {
  it('holds at most `limit` tasks at once', async () => {
    const semaphore = createSemaphore(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        semaphore.run(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((resolve) => setImmediate(resolve));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('serves waiting lanes in turn, so a lane with a long queue does not hold up the others', async () => {
    const semaphore = createSemaphore(1);
    const first = gate();
    const order: string[] = [];
    const held = semaphore.run(() => first.opened);
    const runs = [
      ...['a1', 'a2', 'a3', 'a4'].map((name) => semaphore.run(async () => void order.push(name), 'a')),
      ...['b1', 'b2'].map((name) => semaphore.run(async () => void order.push(name), 'b')),
      semaphore.run(async () => void order.push('c1'), 'c'),
    ];
    first.open();
    await Promise.all([held, ...runs]);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('serves an `ahead` waiter (a retry) before every lane', async () => {
    const semaphore = createSemaphore(1);
    const first = gate();
    const order: string[] = [];
    const held = semaphore.run(() => first.opened);
    const runs = [
      ...['a1', 'a2'].map((name) => semaphore.run(async () => void order.push(name), 'a')),
      semaphore.run(async () => void order.push('b1'), 'b'),
      semaphore.run(async () => void order.push('retry'), 'a', true),
    ];
    first.open();
    await Promise.all([held, ...runs]);
    expect(order).toEqual(['retry', 'a1', 'b1', 'a2']);
  });
});
