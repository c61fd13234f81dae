#!/usr/bin/env node
/**
 * Derives JSON Schemas (draft-07) for the PingOne resources the simulator serves from the OpenAPI 3.0
 * reference, one file per resource in schemas/pingone-api/. Re-run after the reference changes:
 *
 *   node schemas/pingone-api/derive.mjs [path/to/openapi.yml]
 *
 * The output is committed, so tests never need this script (`yaml` is a dev dependency for it).
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const specPath = process.argv[2] ?? path.resolve(root, '..', 'shared', 'reference', 'pingone-management-openapi.yml');
const outDir = path.join(root, 'schemas', 'pingone-api');

/** The resources served by src/simulator and used by fixtures. */
const targets = [
  'Application', 'ApplicationOIDC', 'ApplicationSAML', 'ApplicationWSFED', 'ApplicationExternalLink',
  'ApplicationPingOneAdminConsole', 'ApplicationPingOnePortal', 'ApplicationPingOneSelfService',
  'ApplicationResourceGrant', 'ApplicationAttributeMapping', 'ApplicationSecret', 'SignOnPolicyAssignment', 'FlowPolicyAssignment',
  'RoleAssignment', 'Role', 'CustomAdminRole', 'User', 'Group', 'GroupMembership', 'Population',
  'SignOnPolicy', 'SignOnPolicyAction', 'SignOnPolicyActionLogin', 'SignOnPolicyActionMFA',
  'SignOnPolicyActionIDFirst', 'SignOnPolicyActionIDP', 'SignOnPolicyActionAgreement',
  'SignOnPolicyActionProgressiveProfiling', 'Gateway', 'Environment', 'Organization',
  'Resource', 'ResourceScope', 'PasswordPolicy', 'IdentityProvider', 'Certificate', 'Subscription', 'CustomDomain', 'P1Error', 'EntityArray',
];

// Documentation-only OpenAPI keywords; dropping them keeps the files small and free of the spec's prose.
const droppedKeywords = new Set(['description', 'example', 'examples', 'externalDocs', 'xml', 'discriminator', 'deprecated', 'title']);

const spec = parse(readFileSync(specPath, 'utf8'));
const components = spec.components.schemas;

// The reference predates group-scoped roles; Ping's Group Role Assignments page lists Group among the
// scopes (https://developer.pingidentity.com/pingone-api/platform/group-role-assignments/index.html).
const scopeTypes = components.EnumRoleAssignmentScopeType.enum;
if (!scopeTypes.includes('GROUP')) scopeTypes.splice(scopeTypes.indexOf('APPLICATION'), 0, 'GROUP');

function refName(ref) {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

/** Converts one OpenAPI schema object, collecting the component names it references. */
function convert(node, seen) {
  if (Array.isArray(node)) return node.map((item) => convert(item, seen));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (droppedKeywords.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref') {
      const name = refName(value);
      seen.add(name);
      out.$ref = `#/definitions/${name}`;
    } else if (key === 'oneOf') {
      // The spec's unions overlap (a region is `oneOf: [EnumRegionCode, string]`; condition leaves
      // require nothing), so "exactly one" never holds for real data. Code generators read these as
      // "the first variant that fits", which is anyOf.
      out.anyOf = convert(value, seen);
    } else if (key === 'properties') {
      // Property names are data, not keywords: never drop a property called "description".
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convert(schema, seen)]));
    } else {
      out[key] = convert(value, seen);
    }
  }
  // Subscription.filterOptions puts an array's maxItems on its item objects, where it means nothing.
  if (out.type === 'object') delete out.maxItems;
  if (node.nullable === true) return nullable(out);
  return out;
}

function nullable(schema) {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** EntityArray lists every collection of the API; embedded items are checked per collection instead. */
function entityArray() {
  return {
    type: 'object',
    properties: {
      _links: { $ref: '#/definitions/LinksHATEOAS' },
      _embedded: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
      count: { type: 'integer', minimum: 0 },
      size: { type: 'integer', minimum: 0 },
    },
  };
}

function deriveSchema(target) {
  const definitions = {};
  const pending = [target];
  while (pending.length > 0) {
    const name = pending.pop();
    if (definitions[name]) continue;
    const component = components[name];
    if (!component) throw new Error(`component ${name} not found in ${specPath}`);
    const seen = new Set();
    definitions[name] = name === 'EntityArray' ? (seen.add('LinksHATEOAS'), entityArray()) : convert(component, seen);
    pending.push(...seen);
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((name) => [name, definitions[name]]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://pingone-audit.dev/schemas/pingone-api/${target}.schema.json`,
    $comment: `Derived from components.schemas.${target} of the PingOne Management OpenAPI (${spec.info.version}) by schemas/pingone-api/derive.mjs. Do not edit.`,
    $ref: `#/definitions/${target}`,
    definitions: sorted,
  };
}

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith('.schema.json')) rmSync(path.join(outDir, file));
for (const target of targets) {
  writeFileSync(path.join(outDir, `${target}.schema.json`), `${JSON.stringify(deriveSchema(target), null, 2)}\n`);
}
process.stderr.write(`wrote ${targets.length} schemas to ${path.relative(process.cwd(), outDir)}\n`);
