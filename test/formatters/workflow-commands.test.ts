import { describe, expect, it } from 'vitest';
import { defuseWorkflowCommands, guardWorkflowCommands } from '../../src/output/workflow-commands.js';
import { WORKFLOW_COMMAND_LINE } from '../helpers/hostile-strings.js';

/** The lines the GitHub runner would read: it ends a line at LF, CR or CRLF. */
function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function collecting(): { chunks: string[]; write: (text: string) => void; isTTY: boolean; columns: number } {
  const chunks: string[] = [];
  return { chunks, write: (text) => void chunks.push(text), isTTY: false, columns: 123 };
}

describe('defuseWorkflowCommands', () => {
  it('defuses :: at the start of every line, after LF, CR or CRLF and blanks, and ##[ anywhere', () => {
    const text = defuseWorkflowCommands('::error::a\n  ::warning::b\r::add-mask::c\r\n\t::stop-commands::d x ##[error]e');
    for (const line of runnerLines(text)) expect(line).not.toMatch(WORKFLOW_COMMAND_LINE);
    expect(text).toBe('\\u003A:error::a\n  \\u003A:warning::b\r\\u003A:add-mask::c\r\n\t\\u003A:stop-commands::d x #\\u0023[error]e');
  });

  it('keeps JSON values exactly: the escapes mean the same characters inside a JSON string', () => {
    const value = { name: '##[error]x', other: 'a\n::error::b', path: '\\##[' };
    const json = JSON.stringify(value, null, 2);
    const defused = defuseWorkflowCommands(json);
    expect(defused).not.toContain('##[');
    expect(JSON.parse(defused)).toEqual(value);
  });

  it('leaves text without commands alone', () => {
    expect(defuseWorkflowCommands('a: b :: c\n# heading\n')).toBe('a: b :: c\n# heading\n');
  });
});

describe('guardWorkflowCommands', () => {
  it('defuses commands split across writes, and reads isTTY and columns through', () => {
    const sink = collecting();
    const guarded = guardWorkflowCommands(sink);
    for (const piece of ['ok\n', '  ', '::error::x\n', 'a #', '#[error]y ##', '[warning]z\n', 'mid', '::not-at-start\n']) guarded.write(piece);
    const text = sink.chunks.join('');
    for (const line of runnerLines(text)) expect(line).not.toMatch(WORKFLOW_COMMAND_LINE);
    expect(text).toContain('mid::not-at-start');
    expect(guarded.isTTY).toBe(false);
    expect(guarded.columns).toBe(123);
  });
});
