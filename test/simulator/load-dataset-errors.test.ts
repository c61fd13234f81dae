import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/simulator/load-dataset.js';
import { catchUserFacingError } from '../engine/engine-fixtures.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

describe('a simulator dataset file that cannot be used', () => {
  it('not JSON: named with the line and column of the mistake (dataset-invalid)', () => {
    const file = path.join(temporaryFolder('dataset-'), 'broken.json');
    writeFileSync(file, '{\n  "organization": { "id": "org" },\n  "environments": [],\n}\n');
    const error = catchUserFacingError(() => loadDataset(file));
    expect(error.errorCode).toBe('dataset-invalid');
    expect(error.message).toBe(`${file}:4:1: not valid JSON: expected a property name in double quotes, found "}"`);
  });

  it('JSON of another shape: says what a dataset needs', () => {
    const file = path.join(temporaryFolder('dataset-'), 'shape.json');
    writeFileSync(file, '{ "environments": [] }');
    const error = catchUserFacingError(() => loadDataset(file));
    expect(error.errorCode).toBe('dataset-invalid');
    expect(error.message).toContain('needs an "organization" with an id');
  });
});
