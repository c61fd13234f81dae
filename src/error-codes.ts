/**
 * Every error a user can fix has one of these stable codes: the CLI prints it, scripts may match on
 * it, and README.md#error-codes lists them (a test keeps the two in step). All exit 2.
 */
export const ERROR_CODES = {
  usage: "An unknown command or flag, a missing argument or a value outside the flag's choices.",
  'argument-invalid':
    "A command's argument (not a flag) is refused: empty (an unset variable in a script), merge's reports that do not go together (other pingone-audit versions, an environment in two), or a snapshot folder or Terraform file whose path a SARIF report cannot name (a lone UTF-16 surrogate in it).",
  'flag-invalid': "A flag's value is missing or out of range, or flags that do not go together (--fail-on-new without --baseline, an --output without its --format, check's --out beside --snapshot).",
  'file-unreadable': 'A file named on the command line or in a variable (config, suppressions, baseline, client secret, private key, token cache) is missing or cannot be read.',
  'json-invalid':
    'A config, pack, profile, suppressions, dispositions, baseline or report file is not JSON, does not match its schema, names a rule, pack or integration profile that does not exist, or is in an unknown format version; the message names the file, the line and the JSON path.',
  'settings-invalid': 'A connection setting cannot be used: a malformed id or URL, plain http to a non-loopback host, an unknown region, auth method or --auth, conflicting hostnames.',
  'credentials-missing': 'No credentials were given, or a sign-in lacks the client id or environment id it needs.',
  'credentials-rejected': 'PingOne refused the client credentials, or a token expired and cannot be renewed.',
  'key-invalid': 'The private key for PRIVATE_KEY_JWT is not a usable unencrypted RSA or EC PEM key.',
  'token-invalid': 'The access token given is not a bearer token (RFC 6750 §2.1: a space, a line break, "Bearer " or non-ASCII text in it) or not a JWT.',
  'token-endpoint-error': 'The token endpoint answered with an error status or without an access token.',
  'token-cache-unsafe': 'The token cache file is readable or writable by other users, or is no token cache (signing in would overwrite it).',
  'sign-in-failed': 'A browser or device sign-in did not complete: denied, expired, timed out, a stale or forged redirect, or the loopback port in use.',
  unreachable: 'The Management API or the auth server cannot be reached (DNS, network, proxy, wrong region).',
  'api-error': 'The Management API answered with an error that stops the command.',
  'nothing-to-collect': 'No environment was named to collect.',
  'snapshot-missing': 'The path is not a snapshot folder (missing, a file, or a folder without a pingone-audit manifest).',
  'snapshot-unreadable': 'The snapshot folder or one of its files cannot be read.',
  'snapshot-invalid': 'Files of the snapshot do not conform (schema, checksums, layout); each problem is listed with its file and line.',
  'snapshot-version': 'The snapshot was written in a format this version does not read.',
  'snapshot-unwritable': 'The snapshot cannot be written there (a link, a file, a foreign folder, no permission, a name too long).',
  'output-unwritable': 'A report file cannot be written there (a folder, a link, a pipe or device, a folder that is a file, no permission), or stdout refused the report (a full disk).',
  'too-many-open-files': 'A limit of open files was reached while reading or writing (EMFILE: the process limit, ulimit -n; ENFILE: the system limit); the message names the file being opened.',
  'port-unavailable': "The simulator's port on 127.0.0.1 is in use or may not be opened by this user.",
  'not-found': 'No rule, integration profile, application or environment has the id or name given.',
  'name-ambiguous': 'Several applications have the name given.',
  'report-too-large': 'The SARIF report would have more runs than GitHub code scanning accepts.',
  'terraform-missing': 'The Terraform folder is missing, not a folder, unreadable, or holds no .tf file.',
  'terraform-invalid': 'A .tf or .tfvars file has an HCL syntax error or is not UTF-8 (the message names file:line), or a -var / -var-file value is malformed.',
  'terraform-plan-invalid': 'The --plan file is not JSON, not the output of terraform show -json, or of a plan format_version other than 1.x.',
  'dataset-invalid': 'The simulator dataset is missing, not JSON, or not shaped as a dataset.',
  'installation-incomplete': 'A file of pingone-audit itself is missing (a chunk of dist/src, a schema or the demo dataset deleted, an install cut short); the message names it: reinstall.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
