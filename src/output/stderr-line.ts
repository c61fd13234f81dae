import { cutText } from './cut-text.js';
import { visibleText } from './visible-text.js';
import { defuseWorkflowCommands } from './workflow-commands.js';

/** Characters of one stderr line; a longer one (a 50,000-character name in a warning) is cut. */
const STDERR_LINE_LIMIT = 2000;

/**
 * One line for stderr made from text that may hold tenant or server data: every
 * control, bidi and line-break character escaped, cut to {@link STDERR_LINE_LIMIT} characters (so it is one
 * line, whatever it holds: no tenant newline can start a line of its own), and defused as a
 * GitHub Actions workflow command (see {@link defuseWorkflowCommands}). Without the trailing
 * newline: the caller adds it. Apply it to each line the tool composes, never to several joined.
 */
export function stderrLine(text: string): string {
  return defuseWorkflowCommands(cutText(text, STDERR_LINE_LIMIT, visibleText));
}

/** Several lines the tool composed, each made safe by {@link stderrLine}, each ended by `\n`. */
export function stderrLines(lines: readonly string[]): string {
  return lines.map((line) => `${stderrLine(line)}\n`).join('');
}

/** `warning: <text>` lines for {@link stderrLines}: how every command warns on stderr of what does not stop it. */
export function stderrWarnings(texts: readonly string[]): string {
  return stderrLines(texts.map((text) => `warning: ${text}`));
}
