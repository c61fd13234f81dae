import { UserFacingError } from '../errors.js';

/** One thing wrong in a snapshot file, located by relative path, JSON pointer and line when known. */
export interface SnapshotProblem {
  file: string;
  pointer?: string;
  line?: number | undefined;
  column?: number;
  message: string;
}

/** A snapshot folder that does not conform; `problems` lists every problem found, in file order. */
export class InvalidSnapshotError extends UserFacingError {
  readonly problems: readonly SnapshotProblem[];

  constructor(dir: string, problems: readonly SnapshotProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const listed = problems.map(formatProblem);
    super('snapshot-invalid', `The snapshot in ${dir} has ${count}:\n${listed.map((line) => `  ${line}`).join('\n')}`, {
      hint: `Fix the files listed, or collect a fresh snapshot with \`pingone-audit snapshot\`.`,
      listed,
    });
    this.problems = problems;
  }
}

/** `file:line[:column] pointer: message`, the form editors and terminals link to. */
function formatProblem({ file, line, column, pointer, message }: SnapshotProblem): string {
  const where = [file, line, column].filter((part) => part !== undefined).join(':');
  return pointer === undefined ? `${where}: ${message}` : `${where} ${pointer === '' ? '(root)' : pointer}: ${message}`;
}
