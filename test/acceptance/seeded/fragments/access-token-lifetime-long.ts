import { seededId, type Fragment } from '../fragment.js';

const eightHours = seededId(0x16a1, 1);
const halfHour = seededId(0x16a1, 2);
const resource = (id: string, name: string, accessTokenValiditySeconds: number) => ({ id, name, type: 'CUSTOM' as const, audience: `https://${id}.api.example.com`, accessTokenValiditySeconds });

/** A resource whose access tokens live eight hours, beside one whose tokens live half an hour. */
export const accessTokenLifetimeLong: Fragment = {
  rule: 'access-token-lifetime-long',
  bad: { type: 'resource', id: eightHours },
  good: [{ type: 'resource', id: halfHour }],
  seed: { resources: [resource(eightHours, 'Reports API', 28_800), resource(halfHour, 'Payments API', 1_800)] },
};
