import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

// jsdom lacks ResizeObserver, which Fluent's MessageBar uses.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// jsdom lacks TextDecoder/TextEncoder, which browsers (and the xlsx reader's zip guard) have: Node's are the same API.
(globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= NodeTextDecoder;
(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= NodeTextEncoder;

// jsdom lacks DecompressionStream, which browsers (and the xlsx reader's inflater in the pane) have: Node's is the same API.
(globalThis as unknown as { DecompressionStream: unknown }).DecompressionStream ??= require('node:stream/web').DecompressionStream;
