// SHA-256 of a picked file for 审核 (which file was reviewed), with the browser's Web Crypto
// (https://developer.mozilla.org/docs/Web/API/SubtleCrypto/digest); undefined where there is none.
export async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as unknown as ArrayBuffer));
    return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}
