/**
 * The Terraform provider whose schema the mapping follows: `pingidentity/pingone`, read from its
 * repository (github.com/pingidentity/terraform-provider-pingone): the framework-based schema of
 * `internal/service/sso/resource_application.go` as of 2025 (after v1.5.0, with `wsfed_options`),
 * the v1.0.0 breaking-change list of its CHANGELOG (renames #887, #801, #843, #863) and
 * `docs/resources/*.md`. Attribute names and defaults of older releases that are still common in
 * the wild (v0.x `token_endpoint_authn_method`, `pingone_role_assignment_user`, password policy
 * `password_length`) are read too, as the provider's own deprecation notes name them.
 */
/** The provider whose schema the mapping follows, and which releases. */
export const PROVIDER = { source: 'pingidentity/pingone', followed: 'v1.x (schema as of 2025, after v1.5.0)' } as const;
