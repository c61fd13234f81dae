import type { Verdict } from '../verdict.js';
import { defineCommand } from './context.js';

const SHELLS = ['bash', 'zsh'] as const;
type Shell = (typeof SHELLS)[number];

/**
 * The scripts ask the CLI itself for the words that may follow (yargs answers `--get-yargs-completions
 * <words so far>` with commands, options or an option's choices, one per line). SHELL is set for that
 * one call because yargs picks its answer format from it: plain words for bash, `word:description` for zsh.
 */
const SCRIPTS: Record<Shell, string> = {
  bash: `# pingone-audit completion for bash.
# Install: pingone-audit completion bash > ~/.pingone-audit-completion.bash
#          echo 'source ~/.pingone-audit-completion.bash' >> ~/.bashrc
_pingone_audit_complete() {
  local IFS=$'\\n'
  local words
  words=$(SHELL=bash pingone-audit --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  COMPREPLY=($(compgen -W "$words" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _pingone_audit_complete pingone-audit
`,
  zsh: `#compdef pingone-audit
# pingone-audit completion for zsh.
# Install: pingone-audit completion zsh > "\${fpath[1]}/_pingone-audit"   (then start a new shell)
#     or:  pingone-audit completion zsh > ~/.pingone-audit-completion.zsh
#          echo 'source ~/.pingone-audit-completion.zsh' >> ~/.zshrc   (after compinit)
_pingone_audit() {
  local -a candidates
  candidates=("\${(@f)$(SHELL=zsh pingone-audit --get-yargs-completions "\${words[@]:0:$CURRENT}" 2>/dev/null)}")
  _describe 'pingone-audit' candidates
}
compdef _pingone_audit pingone-audit
`,
};

export const completionCommand = defineCommand({
  builder: (y) =>
    y
      .positional('shell', { type: 'string', choices: SHELLS, description: 'The shell (default: the one $SHELL names, else bash)' })
      .example('$0 completion bash > ~/.pingone-audit-completion.bash', 'then add `source ~/.pingone-audit-completion.bash` to ~/.bashrc')
      .example(`$0 completion zsh > "\${fpath[1]}/_pingone-audit"`, 'then start a new zsh'),
  run: (argv, { io }): Verdict => {
    const shell: Shell = argv.shell ?? (/zsh$/.test(io.env.SHELL ?? '') ? 'zsh' : 'bash');
    io.stdout.write(SCRIPTS[shell]);
    return 'clean';
  },
});
