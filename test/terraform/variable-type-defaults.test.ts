import { describe, expect, it } from 'vitest';
import { byAddress, plain, readFiles } from './tf-folder.js';

describe("a variable's type constraint", () => {
  it('fills optional() attributes left out with their default, or null, at every depth', async () => {
    const config = await readFiles({
      'variables.tf': `
variable "apps" {
  type = map(object({
    redirect_uris = list(string)
    public        = optional(bool, false)
    pkce          = optional(string)
    cors          = optional(object({ origins = optional(list(string), []), enabled = optional(bool, true) }), {})
    tags          = optional(list(object({ name = string, kept = optional(bool, true) })), [])
  }))
}`,
      'terraform.tfvars': `
apps = {
  web    = { redirect_uris = ["https://web.example.com/cb"], tags = [{ name = "a" }] }
  mobile = { redirect_uris = ["com.example:/cb"], public = true, pkce = "S256_REQUIRED", cors = { enabled = false } }
}`,
      'main.tf': `
resource "pingone_application" "oidc" {
  for_each = var.apps
  type     = each.value.public ? "NATIVE_APP" : "WEB_APP"
  pkce     = each.value.pkce
  cors     = each.value.cors
  tags     = each.value.tags
}`,
    });
    expect(plain(byAddress(config, 'pingone_application.oidc["web"]').body)).toEqual({
      type: 'WEB_APP',
      pkce: null,
      cors: { origins: [], enabled: true },
      tags: [{ name: 'a', kept: true }],
    });
    expect(plain(byAddress(config, 'pingone_application.oidc["mobile"]').body)).toEqual({
      type: 'NATIVE_APP',
      pkce: 'S256_REQUIRED',
      cors: { origins: [], enabled: false },
      tags: [],
    });
  });

  it("applies to a variable's default too, and to a local module's inputs", async () => {
    const config = await readFiles({
      'main.tf': `
variable "settings" {
  type    = object({ enabled = optional(bool, true), name = string })
  default = { name = "root" }
}
module "app" {
  source = "./app"
  input  = { name = "child" }
}
resource "pingone_application" "root" {
  enabled = var.settings.enabled
}`,
      'app/main.tf': `
variable "input" {
  type = object({ name = string, enabled = optional(bool, true) })
}
resource "pingone_application" "child" {
  name    = var.input.name
  enabled = var.input.enabled
}`,
    });
    expect(plain(byAddress(config, 'pingone_application.root').body)).toEqual({ enabled: true });
    expect(plain(byAddress(config, 'module.app.pingone_application.child').body)).toEqual({ name: 'child', enabled: true });
  });
});
