import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { SNAPSHOT_KIND_SCOPES } from '../../src/snapshot/model.js';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../src/paths.js';

describe('the table of snapshot kinds', () => {
  it('is the list the snapshot schema accepts', () => {
    const schema = JSON.parse(readFileSync(packagePath('schemas', 'snapshot.schema.json'), 'utf8')) as { definitions: { snapshotKind: { enum: string[] } } };
    expect([...schema.definitions.snapshotKind.enum].sort()).toEqual(Object.keys(SNAPSHOT_KIND_SCOPES).sort());
  });

  it('has no rule requiring a kind that nothing collects: it would judge an empty list as a clean one', () => {
    const uncollected = rules.flatMap((rule) => rule.meta.requires.filter((kind) => (SNAPSHOT_KIND_SCOPES[kind] as string) === 'not-collected').map((kind) => `${rule.id}: ${kind}`));
    expect(uncollected).toEqual([]);
  });
});
