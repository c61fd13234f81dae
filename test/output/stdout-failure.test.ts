import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchOutputs } from '../../src/run-cli.js';

/** A stderr that keeps what is written to it, and emits its write errors as a stream does. */
function capture() {
  const lines: string[] = [];
  return { lines, stream: Object.assign(new EventEmitter(), { write: (text: string) => lines.push(text) }) };
}

/** An error as Node's streams emit it for a failed write. */
function writeError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, syscall: 'write' });
}

describe('a failed write to stdout', () => {
  it('is exit 2 with what, why and what to do, once, whatever the verdict (a full disk left the report half written)', () => {
    const stdout = new EventEmitter();
    const stderr = capture();
    const watched = watchOutputs(stdout, stderr.stream);
    expect(watched.exitCode(0)).toBe(0);
    stdout.emit('error', writeError('ENOSPC', 'ENOSPC: no space left on device, write'));
    stdout.emit('error', writeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    for (const verdict of [0, 1, 3]) expect(watched.exitCode(verdict)).toBe(2);
    const said = stderr.lines.join('');
    expect(said).toContain('pingone-audit: Cannot write to stdout: ENOSPC: no space left on device, write; what went there is incomplete.');
    expect(said).toContain('what to do: ');
    expect(said).toContain('error code: output-unwritable');
    expect(said).not.toContain('ERR_STREAM_DESTROYED');
  });

  it("keeps the run's own exit code when the reader stopped early (| head closed the pipe)", () => {
    const stdout = new EventEmitter();
    const stderr = capture();
    const watched = watchOutputs(stdout, stderr.stream);
    stdout.emit('error', writeError('EPIPE', 'write EPIPE'));
    expect([0, 1, 3].map((verdict) => watched.exitCode(verdict))).toEqual([0, 1, 3]);
    expect(stderr.lines).toEqual([]);
  });
});

describe('a failed write to stderr', () => {
  // Node throws an 'error' that has no listener: `demo --out dir 2>&1 | head` stopped half way, wrote no snapshot and exited 1.
  it('is no error when the reader stopped early (2>&1 | head): the run goes on with its own exit code', () => {
    const stderr = capture();
    const watched = watchOutputs(new EventEmitter(), stderr.stream);
    expect(() => stderr.stream.emit('error', writeError('EPIPE', 'write EPIPE'))).not.toThrow();
    expect([0, 1, 3].map((verdict) => watched.exitCode(verdict))).toEqual([0, 1, 3]);
  });

  it('is exit 2 when warnings were lost otherwise (a full disk)', () => {
    const stderr = capture();
    const watched = watchOutputs(new EventEmitter(), stderr.stream);
    expect(() => stderr.stream.emit('error', writeError('ENOSPC', 'ENOSPC: no space left on device, write'))).not.toThrow();
    for (const verdict of [0, 1, 3]) expect(watched.exitCode(verdict)).toBe(2);
  });
});
