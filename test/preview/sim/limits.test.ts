// Finding 3: a request is counted as Excel on the web counts it — UTF-8 JSON of the arguments plus every
// call's envelope — and refused whole over the limit (a parameter; 5 MB by default).
import { utf8Length, WEB_LIMITS } from '../../../src/preview/sim/limits';
import { host } from './host';

describe('request size limits', () => {
  it('counts UTF-8, not UTF-16: Chinese text costs three bytes a character', () => {
    expect(utf8Length('合并明细')).toBe(12);
    expect(utf8Length('a😀')).toBe(5);
    expect(WEB_LIMITS.requestBytes).toBe(5 * 1024 * 1024);
  });

  it('refuses a request over the limit and applies none of it', async () => {
    const { model, wb, context, ctx } = host(['Sheet1'], { limits: { requestBytes: 10_000 } });
    const ws = wb.worksheets.getItem('Sheet1');
    ws.getRange('A1').values = [['first']];
    // 1,000 characters of Chinese: 3,000 bytes as UTF-8 (1,000 as the lenient host counted), four times.
    for (let i = 2; i <= 5; i++) ws.getRange(`A${i}`).values = [['企'.repeat(1000)]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(model.peek(model.sheet('Sheet1')!, 1, 1)).toBeUndefined();
    ws.getRange('A1').values = [['企'.repeat(1000)]];
    await context.sync();
    expect(ctx.requests.at(-1)).toBe(WEB_LIMITS.callOverheadBytes + utf8Length(JSON.stringify([['企'.repeat(1000)]])));
  });

  it('every call costs its envelope, even without arguments', async () => {
    const { wb, context, ctx } = host(['Sheet1'], { limits: { requestBytes: 1000, callOverheadBytes: 100 } });
    for (let i = 0; i < 11; i++) wb.worksheets.getItem('Sheet1').activate();
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(ctx.requests).toEqual([]);
  });

  it('a response over the limit fails too', async () => {
    const { model, wb, context } = host(['Sheet1'], { limits: { requestBytes: 2000 } });
    model.cell(model.sheet('Sheet1')!, 1, 1).value = 'x'.repeat(3000);
    wb.worksheets.getItem('Sheet1').getRange('A1').load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
