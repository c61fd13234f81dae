import { describe, expect, it } from 'vitest';
import { createReader, readUserRoles } from '../../src/whoami/read-roles.js';

describe('whoami reads with ids the API sent', () => {
  it('URL-encodes a group id into its path, and treats an id of ".." as a failed read', async () => {
    const asked: string[] = [];
    const client = {
      apiUrl: 'https://api.pingone.com/v1',
      get: async (path: string) => {
        asked.push(path);
        if (path.includes('?include=memberOfGroupIDs')) return { username: 'alice', memberOfGroupIDs: ['g/1', '..'] };
        return { _embedded: { roleAssignments: [{ id: 'ra', role: { id: 'r' }, scope: { id: 'env', type: 'ENVIRONMENT' } }] }, name: 'Admins' };
      },
    };
    const reader = createReader(client, 'user');
    const result = await readUserRoles(reader, 'env', 'user/1');
    expect(asked).toContain('/environments/env/users/user%2F1/roleAssignments');
    expect(asked).toContain('/environments/env/groups/g%2F1/roleAssignments');
    expect(asked.filter((path) => path.includes('/..') || path.includes('/g/1'))).toEqual([]);
    expect(result.roles).toBeUndefined();
    expect(reader.problems.join('\n')).toContain('".."');
  });
});
