import type { LoadedCommand } from './context.js';

/** A command as `--help` lists it; `load` imports its module (options, run) only when it is used. */
export interface CommandEntry {
  /** The yargs command string, e.g. `audit <snapshot>`. */
  command: string;
  describe: string;
  load: () => Promise<LoadedCommand>;
}

/**
 * Every command, in the order `--help` lists them. Descriptions live here, not in the command modules,
 * so `--help` and a command's run load only the modules they need (issue 19: cold start).
 */
export const commands: readonly CommandEntry[] = [
  {
    command: 'demo',
    describe: 'Scan the built-in Acme Corp demo organization on a local simulator: no credentials, no network',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    command: 'scan',
    describe: 'Collect a snapshot, write it, and audit it (same reports and exit codes as `audit`)',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  {
    command: 'snapshot',
    describe: 'Collect a read-only snapshot of one or more environments into a folder (GET only, never a secret)',
    load: async () => (await import('./snapshot.js')).snapshotCommand,
  },
  {
    command: 'login',
    describe: 'Sign in as a reviewer (authorization code + PKCE, or device code) and show who signed in and which roles apply; never prints the token',
    load: async () => (await import('./login.js')).loginCommand,
  },
  {
    command: 'whoami',
    describe: "Show whose admin roles the credentials carry (the app's or the signed-in user's) and which collector reads will succeed or 403",
    load: async () => (await import('./whoami.js')).whoamiCommand,
  },
  {
    command: 'audit <snapshot>',
    describe: 'Audit a snapshot folder offline (no network, no credentials)',
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    command: 'merge <reports..>',
    describe: 'Combine the JSON reports of a CI matrix (one job per environment or organization) into one report, with one gate (same formats and exit codes as `audit`)',
    load: async () => (await import('./merge.js')).mergeCommand,
  },
  {
    command: 'terraform [dir]',
    describe: 'Audit Terraform configuration of the PingOne provider before apply: the same rules, findings on the .tf lines (offline, no credentials)',
    load: async () => (await import('./terraform.js')).terraformCommand,
  },
  {
    command: 'check <profile>',
    describe: 'Check one application against one integration profile (stackone, pingdatasync, pingctl-*, pingcli-*, pingone-mcp-server*, scim-outbound, terraform) and print its checklist',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    command: 'diff <old> <new>',
    describe: 'Compare two snapshot folders: resources added, removed and changed property by property, and findings that appeared or disappeared',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    command: 'rules',
    describe: 'List every rule with its severity, category and packs',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
  {
    command: 'explain <rule>',
    describe: 'Explain a rule: what it checks, why, how to fix it in the console and the API, references',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    command: 'simulate',
    describe: 'Serve a local, read-only PingOne API look-alike on 127.0.0.1 (for demos and tests)',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    command: 'completion [shell]',
    describe: 'Print a shell completion script for bash or zsh (commands, options and their choices)',
    load: async () => (await import('./completion.js')).completionCommand,
  },
];
