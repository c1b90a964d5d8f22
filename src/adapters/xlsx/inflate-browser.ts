// The bounded inflater for the pane: the browser's DecompressionStream, read chunk by chunk and cancelled as
// soon as it passes the limit. Undefined where the host lacks 'deflate-raw' (Node ≥ 20 has it too).
import type { BoundedInflate } from './zip';

// Typed from the constructor so this compiles with DOM types (pane) and Node's (CLI build, tests).
const FORMAT = 'deflate-raw' as ConstructorParameters<typeof DecompressionStream>[0];

function supported(): boolean {
  if (typeof DecompressionStream === 'undefined') return false;
  try {
    new DecompressionStream(FORMAT);
    return true;
  } catch {
    return false;
  }
}

const inflate: BoundedInflate = async (compressed, maxBytes) => {
  const stream = new DecompressionStream(FORMAT);
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's promises only need a handler.
  writer.write(compressed as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
};

export const browserInflater: BoundedInflate | undefined = supported() ? inflate : undefined;
