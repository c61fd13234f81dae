import { describe, expect, it } from 'vitest';
import { placeholderAddress, placeholderId, type TfConfiguration } from '../../src/terraform/model.js';

describe('terraform placeholder ids', () => {
  it('round-trips a resource address, instance keys included', () => {
    const address = 'module.apps.pingone_application.storefront["eu"]';
    expect(placeholderId(address)).toBe('tf:module.apps.pingone_application.storefront["eu"]');
    expect(placeholderAddress(placeholderId(address))).toBe(address);
  });

  it('is not fooled by an ordinary id', () => {
    const config: TfConfiguration = { resources: [], warnings: [] };
    expect(config.resources).toHaveLength(0);
    expect(placeholderAddress('2c5f3a8e-1b2d-4c3e-9f00-000000000001')).toBeUndefined();
  });
});
