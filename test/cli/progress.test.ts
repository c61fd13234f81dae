import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../src/commands/progress.js';

/** A stderr that keeps what was written; a terminal when `isTTY`. */
function stream(isTTY: boolean): { write: (text: string) => void; isTTY: boolean; columns: number; text: () => string } {
  let written = '';
  return { write: (text: string) => void (written += text), isTTY, columns: 100, text: () => written };
}

describe('collection progress on stderr', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // A users scan of a large environment takes hours; a CI log that says nothing for that long looks hung.
  it('in CI, repeats where the collection is once a minute while nothing else is printed', () => {
    const stderr = stream(false);
    const progress = createProgressReporter(stderr);
    progress.report({ phase: 'environments', done: 0, total: 1 });
    progress.report({ phase: 'users', environmentId: 'env-1', done: 500 });
    vi.advanceTimersByTime(59_000);
    expect(stderr.text()).toBe('collecting environments: 0/1\n');
    vi.advanceTimersByTime(2_000);
    expect(stderr.text()).toBe('collecting environments: 0/1\ncollecting users in env-1: 500\n');
    progress.report({ phase: 'users', environmentId: 'env-1', done: 9000 });
    vi.advanceTimersByTime(60_000);
    expect(stderr.text().split('\n').at(-2)).toBe('collecting users in env-1: 9000');
    progress.finish();
    const finished = stderr.text();
    vi.advanceTimersByTime(600_000);
    expect(stderr.text()).toBe(finished);
  });

  it('in CI, says nothing more when an environment line was printed in the last minute', () => {
    const stderr = stream(false);
    const progress = createProgressReporter(stderr);
    vi.advanceTimersByTime(50_000);
    progress.report({ phase: 'environments', environmentId: 'env-1', done: 1, total: 2 });
    vi.advanceTimersByTime(20_000);
    expect(stderr.text()).toBe('collecting environments in env-1: 1/2\n');
    progress.finish();
  });

  it('on a terminal, rewrites one line and starts no timer', () => {
    const stderr = stream(true);
    const progress = createProgressReporter(stderr);
    progress.report({ phase: 'users', environmentId: 'env-1', done: 500 });
    expect(vi.getTimerCount()).toBe(0);
    expect(stderr.text()).toBe('\r\x1b[2Kcollecting users in env-1: 500');
    progress.finish();
  });
});
