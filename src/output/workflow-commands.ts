/**
 * The GitHub Actions runner reads a step's stdout and stderr line by line (.NET `ReadLine`: a line
 * ends at LF, CR or CRLF) and executes a line as a workflow command when, after leading
 * whitespace, it starts with `::` (`::error …::`, `::add-mask::`, `::stop-commands::`), or, in the
 * legacy form, when `##[` appears anywhere in it (actions/runner: `ActionCommand.TryParseV2`, then
 * `TryParse`, both tried by `ActionCommandManager.TryProcessCommand`).
 */
const COMMAND_AFTER_BREAK = /(\r\n|\r|\n)([^\S\r\n]*)::/g;
const COMMAND_AT_START = /^([^\S\r\n]*)::/;
const LEGACY_COMMAND = /##\[/g;

/**
 * `text` with every workflow command defused: a `::` that starts a line (or the text, when
 * `atLineStart`) becomes `\u003A:` and every `##[` becomes `#\u0023[`. The escapes are valid
 * inside a JSON string and mean the same characters there, so JSON written to stdout keeps its
 * values; in text they are visible marks.
 */
export function defuseWorkflowCommands(text: string, atLineStart = true): string {
  const started = atLineStart ? text.replace(COMMAND_AT_START, '$1\\u003A:') : text;
  return started.replace(COMMAND_AFTER_BREAK, '$1$2\\u003A:').replace(LEGACY_COMMAND, '#\\u0023[');
}

/** Something text is written to; the CLI's stdout and stderr. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/**
 * A sink that defuses workflow commands in everything written through it, also when a line is
 * written in pieces (`"  "` then `"::error::x"`, `"##"` then `"[error]"`): it remembers whether
 * the line so far is blank and how the last write ended. Nothing is held back. The CLI wraps its
 * stdout and stderr in it, so whatever a tenant string manages to put at the start of a line, the
 * runner does not run it. `isTTY` and `columns` are read through.
 */
export function guardWorkflowCommands<T extends TextSink>(sink: T): T {
  let lineBlank = true;
  let tail = '';
  const write = (text: string): unknown => {
    let safe = defuseWorkflowCommands(text, lineBlank);
    if (tail.endsWith('##') && safe.startsWith('[')) safe = `\\u005B${safe.slice(1)}`;
    else if (tail.endsWith('#') && safe.startsWith('#[')) safe = `\\u0023${safe.slice(1)}`;
    const lastBreak = Math.max(safe.lastIndexOf('\n'), safe.lastIndexOf('\r'));
    const rest = safe.slice(lastBreak + 1);
    lineBlank = /^[^\S\r\n]*$/.test(rest) && (lastBreak >= 0 || lineBlank);
    tail = (tail + safe).slice(-2);
    return sink.write(safe);
  };
  return new Proxy(sink, { get: (target, key, receiver) => (key === 'write' ? write : Reflect.get(target, key, receiver)) });
}
