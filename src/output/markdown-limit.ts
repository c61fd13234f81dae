/**
 * The most a job summary may hold: GitHub drops a step's `$GITHUB_STEP_SUMMARY` whole when it
 * exceeds 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k";
 * docs.github.com, "Workflow commands for GitHub Actions", Adding a job summary).
 */
const JOB_SUMMARY_BYTES = 1024 * 1024;

/** Room kept for the closing tags and the note that says what was cut. */
const NOTE_ROOM = 1024;

/**
 * Markdown lines kept within `maxBytes` of UTF-8 (joined by `\n`, plus the final newline): whole
 * lines from the top while they fit, then every `<details>` still open closed, and a warning that
 * says how many lines were left out and that the JSON report has everything. Unchanged when the
 * lines fit. Reports put the verdict and counts first, so a cut loses only the long lists.
 */
export function fitMarkdownLines(lines: readonly string[], maxBytes: number = JOB_SUMMARY_BYTES): string[] {
  const sizes = lines.map((line) => Buffer.byteLength(line) + 1);
  if (sizes.reduce((sum, size) => sum + size, 0) <= maxBytes) return [...lines];
  const budget = maxBytes - NOTE_ROOM;
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + sizes[kept]! <= budget) used += sizes[kept++]!;
  const head = lines.slice(0, kept);
  const open = head.filter((line) => line === '<details>').length - head.filter((line) => line === '</details>').length;
  const closing = Array.from({ length: Math.max(0, open) }, () => ['', '</details>']).flat();
  const note = [
    '',
    '> [!WARNING]',
    `> This report was cut to stay under GitHub's ${Math.floor(maxBytes / 1024)} KiB limit for a job summary: the last ${(lines.length - kept).toLocaleString('en-US')} of ${lines.length.toLocaleString('en-US')} lines are left out. The JSON report (\`-f json\`) has every finding.`,
  ];
  return [...head, ...closing, ...note];
}
