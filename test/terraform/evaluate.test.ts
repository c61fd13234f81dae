import { describe, expect, it } from 'vitest';
import { byAddress, plain, readFiles } from './tf-folder.js';

const one = async (hcl: string, address = 'pingone_application.a') => byAddress(await readFiles({ 'main.tf': hcl }), address);

describe('expressions evaluated without Terraform', () => {
  it('applies the implemented functions, conditionals, operators and for expressions', async () => {
    const app = await one(`
locals {
  hosts = ["A.example.com", "b.example.com", "a.example.com"]
  extra = { x = 1 }
}
resource "pingone_application" "a" {
  lowered   = [for host in local.hosts : lower(host)]
  unique    = toset([for host in local.hosts : lower(host)])
  joined    = join(",", concat(["x"], ["y", "z"]))
  formatted = format("%s-%d%%", "app", 7)
  merged    = merge(local.extra, { y = 2 })
  picked    = lookup({ eu = "1" }, "us", "fallback")
  size      = length(local.hosts) * 2 - 1
  chosen    = length(local.hosts) > 2 && !false ? "many" : "few"
  trimmed   = trimsuffix("https://x.example.com/", "/")
  first     = coalesce("", "second")
  keyed     = { for index, host in local.hosts : host => index if index != 1 }
  spread    = join("-", [["p"], ["q"]]...)
  escaped   = "tab\\there $\${literal}"
}`);
    expect(plain(app.body)).toEqual({
      lowered: ['a.example.com', 'b.example.com', 'a.example.com'],
      unique: ['a.example.com', 'b.example.com'],
      joined: 'x,y,z',
      formatted: 'app-7%',
      merged: { x: 1, y: 2 },
      picked: 'fallback',
      size: 5,
      chosen: 'many',
      trimmed: 'https://x.example.com',
      first: 'second',
      keyed: { 'A.example.com': 0, 'a.example.com': 2 },
      spread: 'p-q',
      escaped: `tab\there \${literal}`,
    });
  });

  it('keeps the first of equal values in distinct and toset: a number is not its string, object keys in any order are equal', async () => {
    const app = await one(`
resource "pingone_application" "a" {
  values = distinct([1, "1", 1, { a = 1, b = [2] }, { b = [2], a = 1 }, { a = 1, b = [3] }, null, null])
  names  = toset(["b", "a", "b", "c", "a"])
}`);
    expect(plain(app.body)).toEqual({ values: [1, '1', { a: 1, b: [2] }, { a: 1, b: [3] }, null], names: ['a', 'b', 'c'] });
  });

  it('leaves a function it does not implement, and anything built on it, unknown naming the call', async () => {
    const app = await one(`
resource "pingone_application" "a" {
  uri   = "https://\${cidrhost("10.0.0.0/8", 2)}/cb"
  plain = "kept"
}`);
    expect(app.body.entries.uri).toMatchObject({ kind: 'unknown', expression: 'cidrhost("10.0.0.0/8", 2)', reason: 'function cidrhost() is not evaluated statically' });
    expect(plain(app.body.entries.plain)).toBe('kept');
  });

  it('expands count with count.index, and dynamic blocks with their iterator', async () => {
    const config = await readFiles({
      'main.tf': `
resource "pingone_application" "a" {
  count = 2
  name  = "app-\${count.index}"
  dynamic "step" {
    for_each = ["one", "two"]
    iterator = s
    content {
      label = upper(s.value)
    }
  }
}`,
    });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_application.a[0]', 'pingone_application.a[1]']);
    expect(plain(byAddress(config, 'pingone_application.a[1]').body)).toEqual({ name: 'app-1', step: [{ label: 'ONE' }, { label: 'TWO' }] });
  });

  it('makes a resource whose for_each is unknown one instance with unknown each values, and says so', async () => {
    const config = await readFiles({
      'main.tf': `
variable "apps" {}
resource "pingone_application" "a" {
  for_each = var.apps
  name     = each.key
}`,
    });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_application.a']);
    expect(byAddress(config, 'pingone_application.a').body.entries.name).toMatchObject({ kind: 'unknown' });
    expect(config.warnings.join('\n')).toMatch(/for_each = var\.apps cannot be evaluated/);
  });

  // count = 1000000000 held the run until it ran out of memory.
  it('leaves a count past 100,000 unexpanded: one instance with an unknown count.index, and a warning naming it', async () => {
    const config = await readFiles({
      'main.tf': `
resource "pingone_group" "g" {
  count = 1000000000
  name  = "g\${count.index}"
}`,
    });
    expect(config.resources.map((resource) => resource.address)).toEqual(['pingone_group.g']);
    expect(byAddress(config, 'pingone_group.g').body.entries.name).toMatchObject({ kind: 'unknown' });
    expect(config.warnings).toEqual(['pingone_group.g: count = 1000000000 cannot be evaluated (count is 1000000000, past the 100,000 instances pingone-audit expands); its instances are not known']);
  });

  it('resolves configured attributes of other resources and marks computed ones, naming them', async () => {
    const config = await readFiles({
      'main.tf': `
resource "pingone_application" "a" {
  for_each = toset(["eu"])
  name     = "App \${each.key}"
}
resource "pingone_resource_grant" "g" {
  application_id = pingone_application.a["eu"].id
  label          = pingone_application.a["eu"].name
  secret         = pingone_application.a["eu"].oidc_options.client_id
}`,
    });
    expect(plain(byAddress(config, 'pingone_resource_grant.g').body)).toEqual({
      application_id: 'tf:pingone_application.a["eu"]',
      label: 'App eu',
      secret: '?computed attribute pingone_application.a["eu"].oidc_options',
    });
  });

  it('reports a registry module as a warning instead of dropping it silently', async () => {
    const config = await readFiles({ 'main.tf': 'module "apps" {\n  source = "pingidentity/utils/pingone"\n}\n' });
    expect(config.resources).toEqual([]);
    expect(config.warnings.join('\n')).toMatch(/module\.apps: module source "pingidentity\/utils\/pingone" is not a local folder/);
  });

  it('keeps a heredoc as written, with <<- indentation removed', async () => {
    const app = await one(`resource "pingone_application" "a" {\n  text = <<-EOT\n    line one\n      line \${"two"}\n  EOT\n}\n`);
    expect(plain(app.body.entries.text)).toBe('line one\n  line two\n');
  });

  it('expands a local module called with for_each, its resources addressed per instance, and reads its outputs', async () => {
    const config = await readFiles({
      'main.tf': `
module "regional" {
  for_each = { eu = "shop.example.eu", us = "shop.example.com" }
  source   = "./regional"
  host     = each.value
}
resource "pingone_resource_grant" "g" {
  application_id = module.regional["us"].app_id
}`,
      'regional/main.tf': `
variable "host" {}
resource "pingone_application" "web" {
  name = "Shop \${var.host}"
}
output "app_id" {
  value = pingone_application.web.id
}`,
    });
    expect(config.resources.map((resource) => resource.address)).toEqual([
      'module.regional["eu"].pingone_application.web',
      'module.regional["us"].pingone_application.web',
      'pingone_resource_grant.g',
    ]);
    expect(plain(byAddress(config, 'module.regional["us"].pingone_application.web').body)).toEqual({ name: 'Shop shop.example.com' });
    expect(byAddress(config, 'module.regional["eu"].pingone_application.web').span.file).toBe('regional/main.tf');
    expect(plain(byAddress(config, 'pingone_resource_grant.g').body)).toEqual({ application_id: 'tf:module.regional["us"].pingone_application.web' });
  });
});
