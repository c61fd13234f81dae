/**
 * A role name in one spelling for comparison: lower case, every run of other characters one space
 * ("Identity Data Read-Only Admin" → "identity data read only admin"), since the API's names and
 * Ping's docs spell the built-in roles differently. Rules compare role names for every admin they
 * look at, and a tenant has few distinct names: each is normalised once.
 */
export function normaliseRoleName(name: string): string {
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    // Bounded: custom role names come from the tenant.
    if (normalisedNames.size >= NAMES_KEPT) normalisedNames.clear();
    normalisedNames.set(
      name,
      (normalised = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()),
    );
  }
  return normalised;
}

const NAMES_KEPT = 10_000;
const normalisedNames = new Map<string, string>();
