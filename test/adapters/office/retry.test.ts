import { withCellEditRetry, isCellEditModeError } from '../../../src/adapters/office/retry';

const busy = () => Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' });

describe('cell-edit mode', () => {
  it('waits while the user edits a cell, then goes through', async () => {
    let calls = 0;
    const slept: number[] = [];
    const r = await withCellEditRetry(
      async () => {
        if (++calls < 3) throw busy();
        return 'done';
      },
      { delayMs: 50, sleep: async (ms) => void slept.push(ms) },
    );
    expect([r, calls, slept]).toEqual(['done', 3, [50, 50]]);
  });
  it('gives up after the attempts, and never retries other errors', async () => {
    await expect(withCellEditRetry(async () => Promise.reject(busy()), { attempts: 2, sleep: async () => undefined })).rejects.toThrow('busy');
    let calls = 0;
    await expect(withCellEditRetry(async () => (calls++, Promise.reject(new Error('other'))), { sleep: async () => undefined })).rejects.toThrow('other');
    expect(calls).toBe(1);
    expect(isCellEditModeError({ code: 'EditModeCannotUpdate' })).toBe(false); // not an Excel error code
  });
});
