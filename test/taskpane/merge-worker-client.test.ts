// The merge worker's client (worker-client.ts) with a fake Worker: one long-lived worker, the bytes posted
// once it runs and transferred, a time limit per file after which the worker is replaced and the batch goes
// on, crashes reported as the file's failure, and reading on this thread when no worker can start at all.
import { MergeWorkerClient, type MergeWorkerLike, type MergeWorkerOptions } from '../../src/taskpane/merge/worker-client';
import type { MergeReadRequest, MergeWorkerMessage } from '../../src/taskpane/merge/worker-protocol';
import { toWire } from '../../src/taskpane/merge/worker-protocol';
import type { MergeInput } from '../../src/domain/merge/types';
import { getRubric } from '../../src/domain/rubrics';
import { paneStrings } from '../../src/taskpane/strings';

const rubric = getRubric()!;
const s = paneStrings('zh');

/** What a fake worker does with each request, by file name: answer, never answer, or crash. */
type Behaviour = 'answer' | 'hang' | 'crash';

class FakeWorker implements MergeWorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  posted: { message: MergeReadRequest; transfer: Transferable[] }[] = [];
  terminated = false;

  constructor(
    private readonly behaviour: (name: string) => Behaviour,
    starts = true,
  ) {
    // As a real worker: it says it is ready (or its script fails) after the spawner has attached its handlers.
    setTimeout(() => (starts ? this.emit({ kind: 'ready' }) : this.fail('script failed to load')), 1);
  }

  emit(data: MergeWorkerMessage): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }

  fail(message: string): void {
    if (!this.terminated) this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }

  postMessage(message: MergeReadRequest, transfer: Transferable[]): void {
    this.posted.push({ message, transfer });
    const what = this.behaviour(message.name);
    if (what === 'answer') {
      const input: MergeInput = {
        file: message.name,
        modified: message.lastModified,
        rubric,
        assessment: { rubric: rubric.id } as MergeInput['assessment'],
        readProblems: [],
      };
      setTimeout(() => this.emit({ kind: 'read', id: message.id, input: toWire(input) }), 5);
    } else if (what === 'crash') setTimeout(() => this.fail('boom'), 5);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const picked = (name: string) => ({ name, lastModified: 7 });
const TIMEOUT = 1000;

function client(spawn: () => MergeWorkerLike) {
  const fallback = jest.fn<ReturnType<MergeWorkerOptions['fallback']>, Parameters<MergeWorkerOptions['fallback']>>(async (file) => ({
    file: file.name,
    modified: file.lastModified,
    rubric,
    failure: 'in-thread',
  }));
  const c = new MergeWorkerClient(spawn, { timeoutMs: TIMEOUT, texts: { timeout: s.merge.readTimeout, crashed: s.merge.readCrashed }, fallback });
  return { c, fallback };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Starts a read and runs the fake clock until it settles. */
async function settle<T>(p: Promise<T>, ms = TIMEOUT * 2): Promise<T> {
  await jest.advanceTimersByTimeAsync(ms);
  return p;
}

describe('the merge worker client', () => {
  it('reads every file in one worker, posts the bytes once it runs and transfers them, and looks the rubric up again by id', async () => {
    const workers: FakeWorker[] = [];
    const { c, fallback } = client(() => {
      workers.push(new FakeWorker(() => 'answer'));
      return workers.at(-1)!;
    });
    const bytes = new Uint8Array([1, 2, 3]);
    const first = c.read(picked('a.xlsx'), bytes, 'zh');
    expect(workers[0]!.posted).toHaveLength(0); // not before the worker said it is ready
    const a = await settle(first);
    const b = await settle(c.read(picked('b.json'), new Uint8Array([4]), 'en'));
    expect([a.file, a.failure, a.rubric, a.modified, b.file, b.failure]).toEqual(['a.xlsx', undefined, rubric, 7, 'b.json', undefined]);
    expect(a.rubric).toBe(rubric);
    expect(workers).toHaveLength(1);
    const [p1, p2] = workers[0]!.posted;
    expect(p1!.transfer).toEqual([p1!.message.bytes]);
    expect([Array.from(new Uint8Array(p1!.message.bytes)), p1!.message.lang, p2!.message.lang]).toEqual([[1, 2, 3], 'zh', 'en']);
    expect(p2!.message.id).not.toBe(p1!.message.id);
    expect(fallback).not.toHaveBeenCalled();
    c.close();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('copies only the bytes of a view into a larger buffer', async () => {
    const w = new FakeWorker(() => 'answer');
    const { c } = client(() => w);
    const big = new Uint8Array([9, 9, 1, 2, 9]);
    await settle(c.read(picked('a.xlsx'), big.subarray(2, 4), 'zh'));
    expect(Array.from(new Uint8Array(w.posted[0]!.message.bytes))).toEqual([1, 2]);
    expect(Array.from(big)).toEqual([9, 9, 1, 2, 9]);
  });

  it('gives up on a file that takes too long, with the time in the message, replaces the worker and goes on', async () => {
    const workers: FakeWorker[] = [];
    const { c } = client(() => {
      workers.push(new FakeWorker((name) => (name === 'hostile.xlsx' ? 'hang' : 'answer')));
      return workers.at(-1)!;
    });
    const hostile = await settle(c.read(picked('hostile.xlsx'), new Uint8Array([1]), 'zh'), TIMEOUT + 10);
    expect(hostile).toEqual({ file: 'hostile.xlsx', modified: 7, rubric, failure: '读取超过 1 秒，已中止（文件可能已损坏或过大）' });
    expect(workers.map((w) => w.terminated)).toEqual([true]);
    const next = await settle(c.read(picked('good.xlsx'), new Uint8Array([2]), 'zh'));
    expect(next.failure).toBeUndefined();
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(paneStrings('en').merge.readTimeout(60)).toBe('reading took more than 60 s and was stopped (the file may be damaged or too large)');
  });

  it('does not let a slow answer that comes in under the limit count as a time-out', async () => {
    const w = new FakeWorker(() => 'answer');
    const { c } = client(() => w);
    const r = c.read(picked('a.xlsx'), new Uint8Array([1]), 'zh');
    await jest.advanceTimersByTimeAsync(TIMEOUT - 1);
    expect((await r).failure).toBeUndefined();
    await jest.advanceTimersByTimeAsync(TIMEOUT * 2); // the cleared timer does not fire later
    expect(w.terminated).toBe(false);
  });

  it('reports a worker that crashes on a file as that file’s failure and reads the next one in a new worker', async () => {
    const workers: FakeWorker[] = [];
    const { c, fallback } = client(() => {
      workers.push(new FakeWorker((name) => (name === 'crash.xlsx' ? 'crash' : 'answer')));
      return workers.at(-1)!;
    });
    const crashed = await settle(c.read(picked('crash.xlsx'), new Uint8Array([1]), 'zh'));
    expect(crashed.failure).toBe('读取时出错，已中止：文件内容不合常规（内部错误）；请企业用 Excel 或 WPS 重新保存后再发送'); // never the worker's own text ("boom")
    const next = await settle(c.read(picked('good.xlsx'), new Uint8Array([2]), 'zh'));
    expect(next.failure).toBeUndefined();
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('reads on this thread, with the bytes untouched, when the worker’s script cannot start or the worker cannot be made', async () => {
    let spawned = 0;
    const { c, fallback } = client(() => {
      spawned++;
      return new FakeWorker(() => 'answer', false);
    });
    const bytes = new Uint8Array([5, 6]);
    expect((await settle(c.read(picked('a.xlsx'), bytes, 'zh'))).failure).toBe('in-thread');
    expect((await settle(c.read(picked('b.xlsx'), new Uint8Array([7]), 'zh'))).failure).toBe('in-thread');
    expect(spawned).toBe(1); // not retried for every file
    expect(fallback.mock.calls.map(([f, b]) => [f.name, Array.from(b)])).toEqual([
      ['a.xlsx', [5, 6]],
      ['b.xlsx', [7]],
    ]);

    const throwing = client(() => {
      throw new Error('SecurityError');
    });
    expect((await throwing.c.read(picked('c.json'), new Uint8Array([1]), 'zh')).failure).toBe('in-thread');
  });
});
