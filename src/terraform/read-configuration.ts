import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { isPermissionDenied, readProblem } from '../read-user-file.js';
import { pathWithin } from '../path-within.js';
import { scanJson } from '../snapshot/json-scanner.js';
import { ModuleEvaluation, type ParsedModule } from './evaluate/module.js';
import { evaluateConstant } from './evaluate/expression.js';
import { fromJson, scalar } from './evaluate/values.js';
import { numberFromString } from './evaluate/numbers.js';
import { HclSyntaxError, parseHcl } from './hcl/parse-hcl.js';
import type { HclBody, HclExpression } from './hcl/syntax.js';
import type { TfConfiguration, TfNode } from './model.js';

/** Which root module to read, from where, and the variables the command line gives. */
export interface ReadConfigurationOptions {
  /** The folder of the root module, as the user named it. */
  dir: string;
  /** The working directory: spans are relative to it. */
  cwd: string;
  /** `-var name=value`, in command-line order. */
  vars?: readonly string[];
  /** `-var-file FILE`, in command-line order, after the automatic files. */
  varFiles?: readonly string[];
}

const SEE_ALSO = 'https://github.com/pingone-audit/pingone-audit#gate-terraform-pull-requests';
/** What to give instead of a folder that cannot serve. */
const NAME_THE_FOLDER = 'Name the folder of the Terraform root module, where terraform plan runs (the current folder when none is given), e.g. pingone-audit terraform ./infra.';

/**
 * Reads a Terraform root module statically: every `.tf` file of `dir` (not its subfolders, except local
 * modules it calls), its variables' values in Terraform's order of precedence (defaults, `terraform.tfvars`,
 * `terraform.tfvars.json`, `*.auto.tfvars` and `*.auto.tfvars.json` in name order, then `-var-file` and
 * `-var` in command-line order: developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence),
 * and evaluates every resource and data source instance.
 * @throws UserFacingError `terraform-missing` for a folder that is missing or holds no .tf file,
 * `terraform-invalid` for a syntax error (naming file:line) or a malformed `-var`.
 */
export async function readConfiguration(options: ReadConfigurationOptions): Promise<TfConfiguration> {
  const root = path.resolve(options.cwd, options.dir);
  const tfFiles = listFiles(root, options.dir, (name) => name.endsWith('.tf'));
  if (tfFiles.length === 0) throw new UserFacingError('terraform-missing', `The Terraform folder ${options.dir} holds no .tf file.`, { hint: NAME_THE_FOLDER, seeAlso: SEE_ALSO });
  const warnings: string[] = [];
  const notAudited: string[] = [];
  const boundary = linkBoundary(root, options.cwd);
  const parsed = await parseModule(root, { cwd: options.cwd, boundary, warnings, notAudited });
  const declared = new Map<string, string | undefined>();
  for (const body of parsed.bodies) {
    for (const block of body.blocks) if (block.type === 'variable' && block.labels[0]) declared.set(block.labels[0], typeConstraint(block.body));
  }
  const inputs = new Map<string, TfNode>();
  const automatic = listFiles(root, options.dir, (name) => name === 'terraform.tfvars' || name === 'terraform.tfvars.json');
  const auto = listFiles(root, options.dir, (name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort();
  for (const file of [...withinBoundary([...automatic, ...auto], boundary, options.cwd, notAudited), ...(options.varFiles ?? []).map((file) => path.resolve(options.cwd, file))]) {
    for (const [name, value] of await readVarFile(file, options.cwd)) inputs.set(name, value);
  }
  for (const assignment of options.vars ?? []) {
    const [name, value] = await parseVarFlag(assignment, declared);
    inputs.set(name, value);
  }
  for (const name of inputs.keys()) if (!declared.has(name)) warnings.push(`a value was given for variable "${name}", which ${options.dir} does not declare`);
  const evaluation = new ModuleEvaluation(parsed, '', inputs, warnings, notAudited);
  const resources = evaluation.resourceInstances();
  const unread = [...new Set(notAudited)];
  return { resources, warnings: [...new Set([...warnings, ...unread])], notAudited: unread };
}

function listFiles(folder: string, named: string, keep: (name: string) => boolean): string[] {
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new UserFacingError('terraform-missing', `The Terraform folder ${named} is a file, not a folder.`, { hint: NAME_THE_FOLDER, seeAlso: SEE_ALSO });
    entries = readdirSync(folder);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('terraform-missing', `The Terraform folder ${named} ${readProblem(error)}.`, {
      hint: isPermissionDenied(error) ? `Check that you may list and read ${named} (ls -ld ${named}), or name another folder.` : NAME_THE_FOLDER,
      seeAlso: SEE_ALSO,
      cause: error,
    });
  }
  return entries
    .filter(keep)
    .sort()
    .map((name) => path.join(folder, name))
    .filter((file) => isFile(file, named));
}

/**
 * Whether `file` is a file (following links); a folder is not, as Terraform passes over it. A link to nothing is an
 * error, as it is to Terraform, and so is a pipe, a socket or a device: Terraform would wait on a pipe, and skipping
 * it would leave out what it holds without a word.
 */
function isFile(file: string, folder: string): boolean {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    // Listed a moment ago: a file that is not there now is a link to nothing.
    const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is a symbolic link to a file that does not exist' : readProblem(error);
    throw new UserFacingError('file-unreadable', `${folder}/${path.basename(file)} ${problem}.`, {
      hint: 'Remove the file or the broken symbolic link, or point it at a file that exists.',
      cause: error,
    });
  }
  if (stats.isFile() || stats.isDirectory()) return stats.isFile();
  throw new UserFacingError('file-unreadable', `${folder}/${path.basename(file)} is not a regular file (a pipe, a socket or a device), so it was not read.`, {
    hint: 'Replace it with the file it stands for, or remove it.',
  });
}

/** Whether `target` is `folder` or below it (by path, not following links). */
function isInside(folder: string, target: string): boolean {
  return pathWithin(folder, target) !== undefined;
}

/** `file` from the working directory, `../` leading out of it (an absolute path lost its root in every report); absolute only on another drive. */
function relativeName(file: string, cwd: string): string {
  return (pathWithin(cwd, file) ?? path.relative(cwd, file)).split(path.sep).join('/');
}

/** `file`'s text; `name` (as {@link relativeName} gives it) names it in the error. */
function readText(file: string, name: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserFacingError('file-unreadable', `${name} ${readProblem(error)}.`, { cause: error });
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Read leniently, a Latin-1 or UTF-16 file would be audited with U+FFFD in its values, which Terraform never applies.
    throw new UserFacingError('terraform-invalid', `${name}:${firstLineNotUtf8(bytes)}: the file is not UTF-8 text.`, {
      hint: 'Terraform reads only UTF-8 files (and refuses this one too): save it as UTF-8 in your editor, then run again.',
      seeAlso: SEE_ALSO,
    });
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstLineNotUtf8(bytes: Buffer): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      strictUtf8.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return line;
}

async function parseFile(file: string, cwd: string): Promise<HclBody> {
  const name = relativeName(file, cwd);
  const text = readText(file, name);
  try {
    return await parseHcl(text, name);
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    const { file: where, line, column } = error.span;
    throw new UserFacingError('terraform-invalid', `${where}:${line}:${column}: ${error.message}.`, {
      hint: 'Fix the file so that `terraform validate` accepts it, then run again.',
      seeAlso: SEE_ALSO,
    });
  }
}

/**
 * Where symbolic links may lead: the working directory (the repository, in CI) when the root module is in it,
 * else the root module's folder.
 */
function linkBoundary(root: string, cwd: string): string {
  return realpathSync(isInside(cwd, root) ? cwd : root);
}

/**
 * The files that are not symbolic links (nor in a linked folder) leading out of `boundary`; those are listed as
 * not audited instead. A pull request could link `main.tf` to any file of the runner (`/proc/self/environ`), and a
 * syntax error quotes a word of what it reads.
 */
function withinBoundary(files: readonly string[], boundary: string, cwd: string, notAudited: string[]): string[] {
  return files.filter((file) => {
    const real = realpathSync(file);
    if (isInside(boundary, real)) return true;
    // Not reached through a link: a local module outside (`source = "../modules/x"`, run from its folder), as Terraform reads it.
    if (real === path.resolve(file)) return true;
    notAudited.push(`${relativeName(file, cwd)}: a symbolic link out of ${relativeName(boundary, cwd) || '.'} is not read, so what it declares is not audited`);
    return false;
  });
}

interface ModuleReading {
  cwd: string;
  boundary: string;
  warnings: string[];
  notAudited: string[];
}

/** A module folder and, recursively, the local modules (`source = "./…"` or `"../…"`) it calls. */
async function parseModule(folder: string, reading: ModuleReading, seen: ReadonlySet<string> = new Set()): Promise<ParsedModule> {
  const { cwd, warnings, notAudited } = reading;
  const dir = relativeName(folder, cwd) || '.';
  // Terraform merges override files into the blocks they name, and reads JSON syntax by rules of its own: neither is
  // interpreted here, so what they declare or change is not seen, and the run says so rather than audit without it.
  for (const file of listFiles(folder, dir, (name) => name.endsWith('.tf.json') || isOverride(name))) {
    notAudited.push(`${relativeName(file, cwd)}: ${file.endsWith('.json') ? 'JSON configuration syntax' : 'an override file'} is not read, so what it declares or changes is not audited`);
  }
  const files = withinBoundary(
    listFiles(folder, dir, (name) => name.endsWith('.tf') && !isOverride(name)),
    reading.boundary,
    cwd,
    notAudited,
  );
  const bodies = await Promise.all(files.map((file) => parseFile(file, cwd)));
  const children = new Map<string, ParsedModule | { unreadable: string }>();
  for (const body of bodies) {
    for (const block of body.blocks) {
      const name = block.labels[0];
      if (block.type !== 'module' || name === undefined) continue;
      const source = block.body.attributes.find((attribute) => attribute.name === 'source')?.expression;
      const where = source?.type === 'literal' && typeof source.value === 'string' ? source.value : undefined;
      if (where === undefined || !/^\.\.?\//.test(where)) {
        children.set(name, { unreadable: where ?? source?.text ?? '(no source)' });
        continue;
      }
      const target = path.resolve(folder, where);
      if (seen.has(target)) {
        warnings.push(`${dir}: module "${name}" calls ${where}, which calls it back; not read again`);
        continue;
      }
      children.set(name, await parseModule(target, reading, new Set([...seen, folder])));
    }
  }
  return { dir, bodies, children };
}

/** `override.tf`, `override.tf.json`, `*_override.tf`, `*_override.tf.json` (Terraform's override files). */
function isOverride(name: string): boolean {
  return /(^|_)override\.tf(\.json)?$/.test(name);
}

/** A variable's `type = …` as written (`string`, `list(string)`…), or undefined without one. */
function typeConstraint(body: HclBody): string | undefined {
  return body.attributes.find((attribute) => attribute.name === 'type')?.expression.text;
}

async function readVarFile(file: string, cwd: string): Promise<Array<[string, TfNode]>> {
  const name = relativeName(file, cwd);
  if (file.endsWith('.json')) {
    const text = readText(file, name);
    // scanJson names the line and at most one character: JSON.parse's message quotes the text, which may hold a secret.
    const scan = scanJson(text);
    if (scan.error !== undefined) throw new UserFacingError('terraform-invalid', `${name}:${scan.error.line}:${scan.error.column}: not valid JSON: ${scan.error.message}.`, { seeAlso: SEE_ALSO });
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new UserFacingError('terraform-invalid', `${name} must hold a JSON object of variable values.`, { seeAlso: SEE_ALSO });
    return Object.entries(value).map(([key, item]) => [key, fromJson(item, { file: name, line: 1, column: 1 })]);
  }
  const body = await parseFile(file, cwd);
  return body.attributes.map((attribute) => [attribute.name, constant(attribute.expression)]);
}

/** A value in a .tfvars file or a complex `-var`: literal only, references are not allowed there. */
function constant(expression: HclExpression): TfNode {
  return evaluateConstant(expression, 'a variable value cannot refer to anything');
}

/**
 * `-var name=value`: the value is a literal string unless the variable's type is a collection or object,
 * when it is read as an HCL expression, as Terraform does; number and bool types convert the string.
 */
async function parseVarFlag(assignment: string, declared: ReadonlyMap<string, string | undefined>): Promise<[string, TfNode]> {
  const equals = assignment.indexOf('=');
  if (equals <= 0)
    throw new UserFacingError('terraform-invalid', 'A -var value is not name=value (the value is not repeated here: it may be a secret).', {
      hint: 'Write -var name=value, e.g. -var environment=prod.',
      seeAlso: SEE_ALSO,
    });
  const name = assignment.slice(0, equals);
  const value = assignment.slice(equals + 1);
  const span = { file: '-var', line: 1, column: 1 };
  const type = declared.get(name)?.replace(/\s+/g, '');
  if (type === undefined || type === 'string' || type === 'any') return [name, scalar(value, span)];
  if (type === 'number') {
    const reading = numberFromString(value);
    if (!('number' in reading)) throw new UserFacingError('terraform-invalid', `-var ${name}=…: variable "${name}" is a number, and the value is ${reading.refused}.`, { seeAlso: SEE_ALSO });
    return [name, scalar(reading.number, span)];
  }
  if (type === 'bool') {
    if (value !== 'true' && value !== 'false') throw new UserFacingError('terraform-invalid', `-var ${name}=…: variable "${name}" is a bool (true or false).`, { seeAlso: SEE_ALSO });
    return [name, scalar(value === 'true', span)];
  }
  let body: HclBody;
  try {
    body = await parseHcl(`value = ${value}\n`, '-var');
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    throw new UserFacingError('terraform-invalid', `-var ${name}=…: the value is not an HCL expression (variable "${name}" has type ${type}).`, { seeAlso: SEE_ALSO });
  }
  const expression = body.attributes[0]?.expression;
  return [name, expression ? constant(expression) : scalar(value, span)];
}
