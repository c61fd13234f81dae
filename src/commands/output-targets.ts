import { UserFacingError } from '../errors.js';
import { DEFAULT_FORMAT } from '../formatters/format-names.js';
import { STDOUT_PATH } from './stdout-dash.js';

/** One report to write: its format, and its file or stdout. */
export interface OutputTarget {
  format: string;
  /** Undefined means stdout. */
  file: string | undefined;
  /** One file of a report split in several (0-based), see `splitSarifTargets`. */
  part?: number;
}

/**
 * Pairs each --output with the --format written just before it ({@link DEFAULT_FORMAT} when none is). yargs keeps the two
 * arrays apart, so the order on the command line is read from argv itself. `-o -` ({@link STDOUT_PATH}) pairs its
 * format with stdout: the target's `file` is undefined, as for a format given no file.
 */
export function pairOutputs(argv: readonly string[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const paired = new Set<OutputTarget>();
  for (let i = 0; i < argv.length; i += 1) {
    const { flag, value, consumed } = readFlag(argv, i);
    if (flag === undefined) continue;
    i += consumed;
    if (flag === 'format') targets.push({ format: value, file: undefined });
    if (flag === 'output') {
      if (targets.length === 0) targets.push({ format: DEFAULT_FORMAT, file: undefined });
      const last = targets.at(-1)!;
      if (paired.has(last)) {
        throw new UserFacingError('flag-invalid', `--output ${value} has no --format of its own before it.`, {
          hint: 'Write each report as a pair: -f sarif -o results.sarif -f json -o results.json',
        });
      }
      paired.add(last);
      if (value !== STDOUT_PATH) last.file = value;
    }
  }
  if (targets.length === 0) targets.push({ format: DEFAULT_FORMAT, file: undefined });
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UserFacingError('flag-invalid', `${toStdout.length} formats (${toStdout.map((t) => t.format).join(', ')}) would all go to stdout.`, {
      hint: 'Give every format but one its own file: -f grid -f sarif -o results.sarif',
    });
  }
  return targets;
}

function readFlag(argv: readonly string[], i: number): { flag?: 'format' | 'output'; value: string; consumed: number } {
  const arg = argv[i] ?? '';
  const match = /^(?:--(format|output)|-(f|o))(?:=(.*))?$/.exec(arg);
  if (!match) return { value: '', consumed: 0 };
  const flag = match[1] === 'format' || match[2] === 'f' ? 'format' : 'output';
  if (match[3] !== undefined) return { flag, value: match[3], consumed: 0 };
  return { flag, value: argv[i + 1] ?? '', consumed: 1 };
}
