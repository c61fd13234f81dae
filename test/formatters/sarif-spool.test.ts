import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withSarifSpool } from '../../src/commands/sarif-spool.js';
import { utf8Text } from '../../src/output/byte-blocks.js';
import { temporaryFolder, withSystemTemporaryFolder } from '../helpers/temporary-folder.js';

describe('the SARIF spool', () => {
  // A Ctrl-C or a kill ends the process without running `finally`: a spool that still had a name then would be left
  // in the temporary folder with the tenant's findings in it.
  it('leaves no name in the temporary folder while the SARIF is printed and read back through the open file', async () => {
    const temporary = temporaryFolder('sarif-spool-');
    const blocks = ['{"runs": [', '"é€𝄞"', ']}'].map((piece) => Buffer.from(piece));
    const seen = await withSystemTemporaryFolder(temporary, () =>
      withSarifSpool(async (store) => {
        const copied = blocks.map((block) => store.keep(block));
        const during = await readdir(temporary);
        const total = blocks.reduce((sum, block) => sum + block.length, 0);
        return { copied, during, text: Array.from(store.read(0, total), (block) => utf8Text(block)).join('') };
      }),
    );
    expect(seen).toEqual({ copied: [true, true, true], during: [], text: '{"runs": ["é€𝄞"]}' });
    expect(await readdir(temporary)).toEqual([]);
  });

  it('leaves nothing behind when printing fails, and passes the failure on', async () => {
    const temporary = temporaryFolder('sarif-spool-');
    const failing = withSystemTemporaryFolder(temporary, () =>
      withSarifSpool(async (store) => {
        store.keep(Buffer.from('{}'));
        throw new Error('printing failed');
      }),
    );
    await expect(failing).rejects.toThrow('printing failed');
    expect(await readdir(temporary)).toEqual([]);
  });
});
