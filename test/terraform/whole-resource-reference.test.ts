import { describe, expect, it } from 'vitest';
import { byAddress, plain, readFiles } from './tf-folder.js';

describe('a reference to all instances of a resource', () => {
  it('iterates for_each over another for_each resource: one instance per key, each.value.id its placeholder', async () => {
    const config = await readFiles({
      'main.tf': `
locals {
  apps = { web = "https://web.example.com/cb", admin = "https://admin.example.com/cb" }
}
resource "pingone_application" "oidc" {
  for_each = local.apps
  name     = each.key
}
resource "pingone_application_sign_on_policy_assignment" "oidc" {
  for_each       = pingone_application.oidc
  application_id = each.value.id
  label          = each.value.name
}`,
    });
    expect(config.warnings).toEqual([]);
    for (const key of ['web', 'admin']) {
      const assignment = byAddress(config, `pingone_application_sign_on_policy_assignment.oidc["${key}"]`);
      expect(plain(assignment.body)).toEqual({ application_id: `tf:pingone_application.oidc["${key}"]`, label: key });
    }
  });

  it('gives a counted resource as a list and a single one as an object, their computed attributes unknown', async () => {
    const config = await readFiles({
      'main.tf': `
resource "pingone_group" "team" {
  count = 2
  name  = "team-\${count.index}"
}
resource "pingone_population" "only" {
  name = "only"
}
resource "pingone_application" "a" {
  group_ids  = [for group in pingone_group.team : group.id]
  population = pingone_population.only.name
  whole      = pingone_population.only
  secret     = values({ x = pingone_population.only })[0].client_secret
}`,
    });
    const app = byAddress(config, 'pingone_application.a');
    expect(plain(app.body)).toMatchObject({
      group_ids: ['tf:pingone_group.team[0]', 'tf:pingone_group.team[1]'],
      population: 'only',
      whole: { name: 'only', id: 'tf:pingone_population.only' },
    });
    expect(app.body.entries.secret).toMatchObject({ kind: 'unknown' });
  });
});

describe('a reference to the instances of a resource that cannot be expanded', () => {
  it('stays unknown: no instance is made from the attributes of the unexpanded one, and count = 0 is no instance', async () => {
    const config = await readFiles({
      'main.tf': `
variable "apps" {}
resource "pingone_application" "oidc" {
  for_each = var.apps
  name     = "x"
}
resource "pingone_group" "none" {
  count = 0
  name  = "never"
}
resource "pingone_application_sign_on_policy_assignment" "oidc" {
  for_each       = pingone_application.oidc
  application_id = each.value.id
}
resource "pingone_application_sign_on_policy_assignment" "none" {
  for_each       = { for group in pingone_group.none : group.name => group.id }
  application_id = each.value
}`,
    });
    const addresses = config.resources.map((resource) => resource.address);
    expect(addresses).toContain('pingone_application_sign_on_policy_assignment.oidc');
    expect(addresses.filter((address) => address.startsWith('pingone_application_sign_on_policy_assignment.none'))).toEqual([]);
    const assignment = byAddress(config, 'pingone_application_sign_on_policy_assignment.oidc');
    expect(assignment.body.entries.application_id).toMatchObject({ kind: 'unknown' });
    expect(config.warnings.join('\n')).toContain('the instances of pingone_application.oidc are not known');
  });
});
