import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/output/csv-cell.js';
import { cutText } from '../../src/output/cut-text.js';
import { htmlText } from '../../src/output/html-text.js';
import { markdownCode, markdownText } from '../../src/output/markdown-text.js';
import { stderrLine, stderrLines } from '../../src/output/stderr-line.js';
import { terminalText } from '../../src/output/terminal-text.js';
import { visibleText } from '../../src/output/visible-text.js';
import { HIDDEN_CHARACTER, HOSTILE_STRINGS, RAW_TERMINAL_CONTROL, WORKFLOW_COMMAND_LINE } from '../helpers/hostile-strings.js';

describe('visibleText', () => {
  it('shows C0, DEL, C1 and bidi controls and line breaks as escapes', () => {
    expect(visibleText('a\u001b[31mb\u0007\u007f\u009b\n\r\t')).toBe('a\\x1B[31mb\\x07\\x7F\\x9B\\n\\r\\t');
    expect(visibleText('admin\u202Egpj.exe\u2066x\u2069\u200E\u200F\u061C\u2028')).toBe('admin\\u202Egpj.exe\\u2066x\\u2069\\u200E\\u200F\\u061C\\u2028');
  });

  it('leaves ordinary text, accents, CJK and emoji alone', () => {
    const text = 'Zoë 東京 👩 💻 🔑 C:\\path https://ok.example/?a=1';
    expect(visibleText(text)).toBe(text);
  });

  it('shows every invisible character the JSON outputs escape, joiners in an emoji sequence too: a name must not pass for another', () => {
    expect(visibleText('ad\u200Bmin 👩\u200D💻 \u2060\u2064\uFEFF\u180E\u00AD\uFE0F\u3164\uFFFE')).toBe('ad\\u200Bmin 👩\\u200D💻 \\u2060\\u2064\\uFEFF\\u180E\\xAD\\uFE0F\\u3164\\uFFFE');
    expect(visibleText('tag\u{E0041}\u{E007F} music\u{1D173}')).toBe('tag\\u{E0041}\\u{E007F} music\\u{1D173}');
  });

  it('shows each character the reference calls hidden, whatever plane it is on', () => {
    for (let point = 0x7f; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const text = String.fromCodePoint(point);
      if (HIDDEN_CHARACTER.test(text) && visibleText(text) === text) expect(visibleText(text), `U+${point.toString(16)}`).not.toBe(text);
    }
  });

  it('escapes a lone surrogate but keeps a pair', () => {
    expect(visibleText('a\uD800b\uDC00c😀')).toBe('a\\uD800b\\uDC00c😀');
  });
});

const same = (text: string) => text;

describe('cutText', () => {
  it('keeps a value that fits', () => {
    expect(cutText('short', 5, same)).toBe('short');
  });

  it('cuts what is shown, never inside a pair, and says how much of the value is in the JSON', () => {
    const cut = cutText('😀'.repeat(10), 6, same);
    expect(cut).toBe('😀😀😀… [7 more characters: the JSON report has the whole value]');
    expect(cutText('\u001b'.repeat(10), 8, visibleText)).toBe('\\x1B\\x1B… [8 more characters: the JSON report has the whole value]');
    expect(cutText('x'.repeat(10_000), 100, same)).toMatch(/^x{100}… \[9,900 more characters: the JSON report has the whole value\]$/);
  });
});

describe('terminalText', () => {
  it.each(HOSTILE_STRINGS.map((hostile) => [hostile.name, hostile.value]))('%s: no raw control, bidi or line break survives', (_name, value) => {
    const text = terminalText(value);
    expect(text).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(800);
  });
});

describe('stderrLine', () => {
  it('defuses a workflow command at the start, after spaces, after a newline and in the legacy form', () => {
    expect(stderrLine('::error title=x::pwned')).toBe('\\u003A:error title=x::pwned');
    expect(stderrLine('  ::add-mask::x')).toBe('  \\u003A:add-mask::x');
    expect(stderrLine('warning: app\n::stop-commands::t')).toBe('warning: app\\n::stop-commands::t');
    expect(stderrLine('app ##[error]pwned')).toBe('app #\\u0023[error]pwned');
  });

  it('keeps a colon that starts no command, and ordinary tool text', () => {
    expect(stderrLine('wrote sarif report to out/x.sarif')).toBe('wrote sarif report to out/x.sarif');
    expect(stderrLine(': odd')).toBe(': odd');
  });

  it.each(HOSTILE_STRINGS.map((hostile) => [hostile.name, hostile.value]))('%s: one line, no control, no workflow command', (_name, value) => {
    const text = stderrLines([`warning: ${value}`, value]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(text).not.toMatch(WORKFLOW_COMMAND_LINE);
  });
});

describe('markdownText', () => {
  it('escapes ids like any text: a backtick cannot open HTML or close <details>', () => {
    const text = markdownText('x`) <img src=x onerror=alert(1)> </details> (`y');
    expect(text).toBe('x\\`) \\<img src=x onerror=alert(1)\\> \\</details\\> (\\`y');
  });

  it('neutralises mentions, e-mail and bare-URL autolinks, issue references and math', () => {
    expect(markdownText('@octocat @github/security')).toBe('@&#8203;octocat @&#8203;github/security');
    expect(markdownText('https://evil.example www.evil.example mailto:a@b.example')).toBe('https:&#8203;//evil.example www&#8203;.evil.example mailto&#8203;:a@&#8203;b.example');
    expect(markdownText('#12 $x$')).toBe('\\#&#8203;12 \\$x\\$');
  });

  it('escapes a list, quote or setext start and entities', () => {
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('> quote')).toBe('\\> quote');
    expect(markdownText('&lt; &amp;')).toBe('&amp;lt; &amp;amp;');
  });

  it('keeps no raw CR or LF, so a table cell cannot end early', () => {
    expect(markdownText('a\rb\nc\r\nd | e')).toBe('a\\\\rb\\\\nc\\\\r\\\\nd \\| e');
  });

  it('shows plain ids as code and anything else as escaped text', () => {
    expect(markdownCode('4f2c0a6e-1b9d-4c77-9a51-0d3e8f2b6a10')).toBe('`4f2c0a6e-1b9d-4c77-9a51-0d3e8f2b6a10`');
    expect(markdownCode('applications/a.json:24')).toBe('`applications/a.json:24`');
    expect(markdownCode('x`y')).toBe('x\\`y');
  });
});

describe('csvCell', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", bye')).toBe('"say ""hi"", bye"');
  });

  it('defuses formula starts at the start and after any separator', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('x;=HYPERLINK("https://evil.example")')).toBe(`"x;'=HYPERLINK(""https://evil.example"")"`);
    expect(csvCell('x, @SUM(1)|-2')).toBe(`"x, '@SUM(1)|'-2"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
  });

  it('leaves no raw ESC, CR, LF or TAB', () => {
    expect(csvCell('\u001b[31m\r\n\tx')).toBe('"\\x1B[31m\\r\\n\\tx"');
  });
});

describe('htmlText', () => {
  it('escapes text and both attribute quotes', () => {
    expect(htmlText(`"><meta http-equiv=refresh content='0'>&`)).toBe('&quot;&gt;&lt;meta http-equiv=refresh content=&#39;0&#39;&gt;&amp;');
  });

  it('shows controls and bidi characters as escapes', () => {
    expect(htmlText('a\u202Eb\u001b')).toBe('a\\u202Eb\\x1B');
  });
});
