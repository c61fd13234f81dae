import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { removedOnInterrupt, type SignalTarget } from '../../src/snapshot/interrupt-cleanup.js';

/** A process stand-in: signals are emitted by the test, and a signal raised again is recorded, not delivered. */
function fakeProcess() {
  const events = new EventEmitter();
  const raised: NodeJS.Signals[] = [];
  const target: SignalTarget = {
    pid: 4242,
    once: (signal, listener) => events.once(signal, listener),
    off: (signal, listener) => events.off(signal, listener),
    kill: (_pid, signal) => raised.push(signal),
  };
  return { target, raised, events };
}

describe('removedOnInterrupt', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s mid-task, cleans up once and raises the signal again', async (signal) => {
    const { target, raised, events } = fakeProcess();
    const cleaned: string[] = [];
    let release = () => {};
    const task = removedOnInterrupt(
      () => cleaned.push('staging'),
      () => new Promise<void>((resolve) => (release = resolve)),
      target,
    );
    events.emit(signal, signal);
    events.emit('SIGINT', 'SIGINT');
    expect(cleaned).toEqual(['staging']);
    expect(raised).toEqual([signal]);
    release();
    await task;
  });

  it('a task that ends leaves no listener behind, and cleans up nothing', async () => {
    const { target, raised, events } = fakeProcess();
    const cleaned: string[] = [];
    await expect(
      removedOnInterrupt(
        () => cleaned.push('staging'),
        async () => 'written',
        target,
      ),
    ).resolves.toBe('written');
    await expect(
      removedOnInterrupt(
        () => cleaned.push('staging'),
        () => Promise.reject(new Error('disk full')),
        target,
      ),
    ).rejects.toThrow('disk full');
    expect(events.listenerCount('SIGINT') + events.listenerCount('SIGTERM')).toBe(0);
    expect(cleaned).toEqual([]);
    expect(raised).toEqual([]);
  });
});
