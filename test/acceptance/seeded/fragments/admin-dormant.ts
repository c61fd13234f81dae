import { loadDataset } from '../../../../src/simulator/index.js';
import { SEEDED_ENV_ID, seededId, type Fragment } from '../fragment.js';

const dormant = seededId(0x16a4, 1);
const active = seededId(0x16a4, 2);
const environmentAdmin = loadDataset('demo').roles.find((role) => role.name === 'Environment Admin')!.id;
// Relative to the scan, which judges against the clock it runs with.
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const admin = (id: string, username: string, lastSignOnDaysAgo: number) => ({
  id,
  username,
  email: `${username}@example.com`,
  enabled: true,
  mfaEnabled: true,
  createdAt: daysAgo(800),
  lastSignOn: { at: daysAgo(lastSignOnDaysAgo), remoteIp: '198.51.100.20' },
});
const holdsEnvironmentAdmin = (userId: string, n: number) => ({
  id: seededId(0x16a4, 10 + n),
  role: { id: environmentAdmin },
  scope: { id: SEEDED_ENV_ID, type: 'ENVIRONMENT' },
  environment: { id: SEEDED_ENV_ID },
  user: { id: userId },
});

/** An Environment Admin last seen 200 days ago, beside one who signed in yesterday. */
export const adminDormant: Fragment = {
  rule: 'admin-dormant',
  bad: { type: 'user', id: dormant },
  good: [{ type: 'user', id: active }],
  seed: {
    users: [admin(dormant, 'former.contractor', 200), admin(active, 'on.call', 1)],
    roleAssignments: [holdsEnvironmentAdmin(dormant, 1), holdsEnvironmentAdmin(active, 2)],
  },
};
