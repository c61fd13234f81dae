import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';

/** Code points of one stderr line; a longer one (a 50,000-character name in a warning) is cut. */
export const STDERR_LINE_LIMIT = 2000;

/**
 * The GitHub Actions runner executes a log line as a workflow command when, after leading
 * whitespace, it starts with `::` (`::error …::`, `::add-mask::`, `::stop-commands::`), and in the
 * legacy form when `##[` appears anywhere in it (actions/runner, `ActionCommand.TryParseV2` and
 * `TryParse`, both tried by `ActionCommandManager.TryProcessCommand`). .NET's `TrimStart` also
 * trims U+0085, which {@link visibleText} has already escaped.
 */
const WORKFLOW_COMMAND_START = /^(\s*)::/;
const LEGACY_WORKFLOW_COMMAND = /##\[/g;

/**
 * One line for stderr made from text that may hold tenant or server data: cut to
 * {@link STDERR_LINE_LIMIT}, every control, bidi and line-break character escaped (so it is one
 * line, whatever it holds), and defused as a GitHub Actions workflow command: a leading `::` and
 * any `##[` get their first character escaped (`\x3A`, `\x23`). Without the trailing newline:
 * the caller adds it. Apply it to each line the tool composes, never to several joined by `\n`.
 */
export function stderrLine(text: string): string {
  return visibleText(cutText(text, STDERR_LINE_LIMIT))
    .replace(WORKFLOW_COMMAND_START, '$1\\x3A:')
    .replace(LEGACY_WORKFLOW_COMMAND, '\\x23#[');
}

/** Several lines the tool composed, each made safe by {@link stderrLine}, joined and ended by `\n`. */
export function stderrLines(lines: readonly string[]): string {
  return lines.map((line) => `${stderrLine(line)}\n`).join('');
}
