// What JSON.parse cannot tell: a key given twice in one object (JSON.parse keeps the last silently, so a file
// could show a reviewer one 企业名称 and score another). A single pass over text JSON.parse has accepted.

type Frame = { kind: 'object'; keys: Set<string>; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

/** The first key that appears twice in one object, with the path to it (`profile.enterpriseName`). */
export function findDuplicateKey(text: string): { path: string; key: string } | undefined {
  const stack: Frame[] = [];
  const path = (last: string) => [...stack.slice(0, -1).map((f) => (f.kind === 'object' ? (f.key ?? '') : String(f.index))), last].join('.');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    if (ch === '{') stack.push({ kind: 'object', keys: new Set(), key: undefined, expectKey: true });
    else if (ch === '[') stack.push({ kind: 'array', index: 0 });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top?.kind === 'object') top.expectKey = true;
    } else if (ch === ':') {
      if (top?.kind === 'object') top.expectKey = false;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        // Decoded, so "a" and "\u0061" are the same key, as they are to JSON.parse.
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { path: path(key), key };
        top.keys.add(key);
        top.key = key;
      }
      i = j;
    }
  }
  return undefined;
}
