import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { readConfiguration } from '../../src/terraform/read-configuration.js';
import { byAddress, plain, readFiles, tfFolder } from './tf-folder.js';

const FIXTURE = 'test/fixtures/terraform/acceptance';

describe('readConfiguration on the acceptance configuration', () => {
  it('expands for_each over a variable set in *.auto.tfvars, with locals and templates resolved', async () => {
    const config = await readConfiguration({ dir: FIXTURE, cwd: process.cwd() });
    const eu = byAddress(config, 'pingone_application.storefront["eu"]');
    const us = byAddress(config, 'pingone_application.storefront["us"]');
    expect(plain(us.body.entries.name)).toBe('Storefront (US)');
    const oidc = us.body.entries.oidc_options;
    expect(plain(oidc)).toMatchObject({ redirect_uris: ['https://shop.example.com/callback/'] });
    expect(plain(eu.body.entries.oidc_options)).toMatchObject({ redirect_uris: ['https://shop.example.eu/callback'] });
    expect(us.span).toEqual({ file: `${FIXTURE}/main.tf`, line: 12, column: 1 });
    // The value comes from a .tfvars file, but it is reported where the resource uses it.
    expect(oidc?.kind === 'object' && oidc.entries.redirect_uris?.span.line).toBe(24);
    expect(plain(byAddress(config, 'pingone_environment.retail').body.entries.name)).toBe('Retail Production');
    expect(config.warnings).toEqual([]);
  });

  it('gives ids known only after apply as tf:<address> placeholders and configured attributes as written', async () => {
    const config = await readConfiguration({ dir: FIXTURE, cwd: process.cwd() });
    const grant = byAddress(config, 'pingone_application_role_assignment.provisioner_org_admin');
    expect(plain(grant.body)).toEqual({
      environment_id: 'tf:pingone_environment.retail',
      application_id: 'tf:pingone_application.provisioner',
      role_id: 'tf:data.pingone_role.organization_admin',
      scope_organization_id: '5f3c0e9a-7d41-4b8e-a1c2-0b7e2d4f6a11',
    });
    expect(byAddress(config, 'data.pingone_role.organization_admin').mode).toBe('data');
  });

  it('evaluates a local module with its inputs under module.<name>., and leaves remote state unknown', async () => {
    const config = await readConfiguration({ dir: FIXTURE, cwd: process.cwd() });
    const spa = byAddress(config, 'module.legacy_portal.pingone_application.spa');
    expect(spa.span.file).toBe(`${FIXTURE}/modules/legacy-portal/main.tf`);
    expect(plain(spa.body)).toMatchObject({ environment_id: 'tf:pingone_environment.retail', oidc_options: { redirect_uris: ['https://legacy.example.com/signed-in'] } });
    const desk = byAddress(config, 'pingone_application.support_desk').body.entries.oidc_options;
    const uri = desk?.kind === 'object' && desk.entries.redirect_uris?.kind === 'list' ? desk.entries.redirect_uris.items[0] : undefined;
    expect(uri).toMatchObject({ kind: 'unknown', expression: 'data.terraform_remote_state.support.outputs.callback_url', reason: 'remote state', span: { line: 142 } });
  });

  it('leaves a variable default that refers to something unknown, as Terraform refuses it (no loop on default = var.self)', async () => {
    const config = await readFiles({ 'main.tf': 'variable "a" {\n  default = var.a\n}\nresource "pingone_application" "x" {\n  name = var.a\n}\n' });
    expect(plain(byAddress(config, 'pingone_application.x').body.entries.name)).toBe('?the default of variable a cannot refer to anything');
  });

  it('lets -var-file and then -var override the automatic files, in that order', async () => {
    const cwd = process.cwd();
    const base = await readConfiguration({ dir: FIXTURE, cwd, vars: ['environment_name=Outlet'] });
    expect(plain(byAddress(base, 'pingone_environment.retail').body.entries.name)).toBe('Outlet Production');
    const folder = tfFolder({ 'only-eu.tfvars.json': JSON.stringify({ storefront_regions: { eu: { host: 'eu.example', path: '/cb' } }, environment_name: 'Json' }) });
    const fromFile = await readConfiguration({ dir: FIXTURE, cwd, varFiles: [`${folder}/only-eu.tfvars.json`], vars: ['environment_name=Flag'] });
    expect(fromFile.resources.filter((resource) => resource.type === 'pingone_application' && resource.name === 'storefront').map((resource) => resource.address)).toEqual([
      'pingone_application.storefront["eu"]',
    ]);
    expect(plain(byAddress(fromFile, 'pingone_environment.retail').body.entries.name)).toBe('Flag Production');
  });
});

describe('readConfiguration refuses what it cannot read', () => {
  it('names the file and line of a syntax error (exit 2: terraform-invalid)', async () => {
    const error = await readFiles({ 'main.tf': 'resource "pingone_application" "a" {\n  name = "x"\n  enabled = = true\n}\n' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).errorCode).toBe('terraform-invalid');
    expect((error as UserFacingError).message).toMatch(/^main\.tf:3:\d+: HCL syntax error/);
  });

  it('names the line where an unclosed block or list opens, not the end of the file', async () => {
    const messages = await Promise.all(
      ['variable "a" {}\n\nresource "pingone_application" "a" {\n  name = "x"\n  oidc_options = {\n    type = "WORKER"\n  }\n\n', 'locals {\n  uris = ["https://a.example.com/cb"\n}\n'].map((text) =>
        readFiles({ 'main.tf': text }).catch((error: unknown) => (error as UserFacingError).message),
      ),
    );
    expect(messages).toEqual(['main.tf:3:1: HCL syntax error: the block opened here has no closing }.', 'main.tf:2:10: HCL syntax error: the value opened here has no closing ].']);
  });

  it('never quotes a value in its errors: a broken string, a bad -var or bad JSON may hold a secret', async () => {
    const secret = 'S3cr3t-value-9f8e7d';
    const messages = await Promise.all(
      [
        readFiles({ 'main.tf': `resource "pingone_application" "a" {\n  client_secret = "${secret}" "${secret}"\n}\n` }),
        readFiles({ 'main.tf': 'variable "n" {\n  type = number\n}\n' }, { vars: [`n=${secret}`] }),
        readFiles({ 'main.tf': 'variable "n" {}\n' }, { vars: [secret] }),
        readFiles({ 'main.tf': 'variable "n" {}\n', 'terraform.tfvars.json': `{"n": "${secret}" "x"}` }),
      ].map((pending) =>
        pending.then(
          () => 'no error',
          (error: unknown) => (error as UserFacingError).message,
        ),
      ),
    );
    expect(messages.every((message) => message !== 'no error')).toBe(true);
    for (const message of messages) expect(message).not.toContain(secret.slice(0, 6));
    expect(messages[3]).toMatch(/^terraform\.tfvars\.json:1:\d+: not valid JSON/);
  });

  it('refuses a .tf or .tfvars file that is not UTF-8, naming its line, as Terraform does (no U+FFFD audited in its place)', async () => {
    const latin1 = Buffer.concat([Buffer.from('resource "pingone_group" "g" {\n  environment_id = "x"\n  name = "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]);
    const utf16 = Buffer.from('\ufeffvariable "n" {}\n', 'utf16le');
    const messages = await Promise.all(
      [readFiles({ 'main.tf': latin1 }), readFiles({ 'main.tf': 'variable "n" {}\n', 'terraform.tfvars': utf16 })].map((pending) =>
        pending.then(
          () => 'no error',
          (error: unknown) => `${(error as UserFacingError).errorCode} ${(error as UserFacingError).message}`,
        ),
      ),
    );
    expect(messages).toEqual(['terraform-invalid main.tf:3: the file is not UTF-8 text.', 'terraform-invalid terraform.tfvars:1: the file is not UTF-8 text.']);
    // UTF-8 beyond ASCII is read as written.
    const config = await readFiles({ 'main.tf': 'resource "pingone_group" "g" {\n  environment_id = "x"\n  name = "café ✓"\n}\n' });
    expect(plain(byAddress(config, 'pingone_group.g').body.entries.name)).toBe('café ✓');
  });

  it('refuses a folder without .tf files and a missing folder (terraform-missing)', async () => {
    await expect(readFiles({ 'README.md': '# nothing here\n' })).rejects.toMatchObject({ errorCode: 'terraform-missing' });
    await expect(readConfiguration({ dir: 'no-such-folder', cwd: tfFolder({}) })).rejects.toMatchObject({ errorCode: 'terraform-missing' });
  });

  it('refuses a -var without =, and a number variable given a word', async () => {
    const files = { 'main.tf': 'variable "n" {\n  type = number\n}\n' };
    await expect(readFiles(files, { vars: ['n'] })).rejects.toMatchObject({ errorCode: 'terraform-invalid' });
    await expect(readFiles(files, { vars: ['n=many'] })).rejects.toMatchObject({ errorCode: 'terraform-invalid' });
  });

  it('refuses HCL nested deeper than it reads, naming the line, instead of overflowing the stack', async () => {
    const deep = `locals {\n  x = ${'['.repeat(5000)}1${']'.repeat(5000)}\n}\n`;
    const error = await readFiles({ 'main.tf': deep }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).errorCode).toBe('terraform-invalid');
    expect((error as UserFacingError).message).toMatch(/^main\.tf:2:\d+: HCL nested deeper than \d+ syntax levels/);
    // Deep, but within reason: read and evaluated.
    const config = await readFiles({ 'main.tf': `resource "pingone_application" "a" {\n  name = ${'['.repeat(200)}"x"${']'.repeat(200)}\n}\n` });
    expect(config.resources).toHaveLength(1);
  });

  it('does not read a symbolic link (to a file or a module folder) that leads out of the working directory, and says so', async () => {
    const outside = tfFolder({ 'secret.tf': 'ghp_NotARealTokenButLooksLikeOne value\n', 'mod/main.tf': 'resource "pingone_application" "leak" {\n  name = "x"\n}\n' });
    const cwd = tfFolder({ 'main.tf': 'module "m" {\n  source = "./linked"\n}\n', 'shared/app.tf': 'resource "pingone_application" "a" {\n  name = "a"\n}\n' });
    symlinkSync(path.join(outside, 'secret.tf'), path.join(cwd, 'evil.tf'));
    symlinkSync(path.join(outside, 'mod'), path.join(cwd, 'linked'));
    symlinkSync(path.join(cwd, 'shared/app.tf'), path.join(cwd, 'app.tf'));
    const config = await readConfiguration({ dir: '.', cwd });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_application.a']);
    expect(config.notAudited).toEqual([
      'evil.tf: a symbolic link out of . is not read, so what it declares is not audited',
      'linked/main.tf: a symbolic link out of . is not read, so what it declares is not audited',
    ]);
  });

  it('refuses a .tf link to nothing (exit 2) instead of failing inside', async () => {
    const cwd = tfFolder({ 'main.tf': '' });
    symlinkSync(path.join(cwd, 'gone.tf'), path.join(cwd, 'broken.tf'));
    await expect(readConfiguration({ dir: '.', cwd })).rejects.toMatchObject({ errorCode: 'file-unreadable', message: './broken.tf is a symbolic link to a file that does not exist.' });
  });

  // A pipe named like a .tf file was skipped without a word (Terraform would wait on it for ever).
  it('refuses a .tf that is a pipe (exit 2), naming it, and still passes over a folder named like one', async () => {
    const cwd = tfFolder({ 'main.tf': '', 'folder.tf/inner.txt': '' });
    execFileSync('mkfifo', [path.join(cwd, 'pipe.tf')]);
    await expect(readConfiguration({ dir: '.', cwd })).rejects.toMatchObject({
      errorCode: 'file-unreadable',
      message: './pipe.tf is not a regular file (a pipe, a socket or a device), so it was not read.',
    });
  });

  it('does not audit override files and JSON syntax silently: they are listed as not audited', async () => {
    const config = await readFiles({
      'main.tf': 'resource "pingone_application" "a" {\n  enabled = true\n}\n',
      'main_override.tf': 'resource "pingone_application" "a" {\n  enabled = false\n}\n',
      'extra.tf.json': '{"resource": {"pingone_application": {"b": {"enabled": false}}}}',
    });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_application.a']);
    expect(plain(config.resources[0]?.body)).toEqual({ enabled: true });
    expect(config.notAudited).toEqual([
      'extra.tf.json: JSON configuration syntax is not read, so what it declares or changes is not audited',
      'main_override.tf: an override file is not read, so what it declares or changes is not audited',
    ]);
  });
});
