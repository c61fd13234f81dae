import { describe, expect, it } from 'vitest';
import { PII_NOTE, redactPii } from '../../src/snapshot/redact-pii.js';
import { buildSnapshot, user } from '../helpers/snapshot-builder.js';

const key = Buffer.alloc(32, 7);
const alice = user({ id: 'u-1', username: 'alice@example.com', email: 'Alice@Example.com', lastSignOn: { at: '2026-01-01T00:00:00Z', remoteIp: '198.51.100.7' } });
const bob = user({ id: 'u-2', username: 'bob', email: 'alice@example.com', lastSignOn: { remoteIp: '2001:db8:1::7' } });

function redactedUsers(k: Uint8Array = key) {
  const snapshot = redactPii(buildSnapshot({ environments: [{ users: [alice, bob] }] }), k);
  return { users: snapshot.environments[0]!.users, notes: snapshot.manifest.collection.notes };
}

describe('redactPii', () => {
  it('gives one address one pseudonym throughout the snapshot, whatever its case, and keeps non-email usernames', () => {
    const { users, notes } = redactedUsers();
    const [a, b] = users;
    expect(a!.email).toMatch(/^user-[0-9a-f]{16}@redacted\.invalid$/);
    expect(a!.username).toBe(a!.email);
    expect(b!.email).toBe(a!.email);
    expect(b!.username).toBe('bob');
    expect(notes).toEqual([PII_NOTE]);
  });

  it('maps sign-on IPs into reserved ranges and keeps the rest of the user', () => {
    const [a, b] = redactedUsers().users;
    expect(a!.lastSignOn).toEqual({ at: '2026-01-01T00:00:00Z', remoteIp: expect.stringMatching(/^2(4\d|5[0-5])\.\d+\.\d+\.\d+$/) });
    expect(b!.lastSignOn?.remoteIp).toMatch(/^2001:db8:/);
    expect(b!.lastSignOn?.remoteIp).not.toBe('2001:db8:1::7');
    expect(a!.id).toBe('u-1');
  });

  it('draws a fresh key per snapshot by default, so pseudonyms cannot be matched across snapshots', () => {
    expect(redactedUsers(key).users[0]!.email).toBe(redactedUsers(key).users[0]!.email);
    const first = redactPii(buildSnapshot({ environments: [{ users: [alice] }] }));
    const second = redactPii(buildSnapshot({ environments: [{ users: [alice] }] }));
    expect(first.environments[0]!.users[0]!.email).not.toBe(second.environments[0]!.users[0]!.email);
  });
});
