// A small pull scanner for the XML of workbook parts: one pass over the bytes, every step linear (no regular
// expressions, no backtracking), element nesting bounded, and everything XML 1.0 needs for well-formedness
// that a hostile part could use to make us read differently from Excel checked: matching end tags, unique
// attributes, only the five predefined entities and valid character references, no DTD (so no entity
// expansion, no external entities). Names are resolved to their namespace, so `<x:c>` is a cell only when
// `x` is bound to SpreadsheetML.
//
// A part is scanned as its UTF-8 bytes, never decoded or copied as a whole: the markup XML needs is ASCII, and
// in UTF-8 every byte of a non-ASCII character is ≥ 0x80, so nothing inside one can look like markup. Only the
// values handed out (names, attributes, text) are decoded. The search for the next '<' (over text, most of
// a part) is the host's: in Node a Buffer over the same memory (its indexOf is memchr), in the browser the typed
// array's; a tag itself is a few dozen bytes and is walked byte by byte to its '>'.
// A one-byte string view of each part cost a copy of every byte read (1.1 s of a 1,000-file merge, and page
// faults for the large sheets); decoding to UTF-16 cost more than scanning (573 kB: 1.35 ms vs 0.5 ms).

type HostBuffer = {
  from(b: ArrayBufferLike, offset: number, length: number): Uint8Array & { toString(encoding: 'utf8', from: number, to: number): string };
};
const nodeBuffer = (globalThis as { Buffer?: HostBuffer }).Buffer;
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The part's bytes as the scanner searches them (the same memory; in Node a Buffer, for its indexOf). */
const searchable = (bytes: Uint8Array): Uint8Array => (nodeBuffer ? nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes);

/** UTF-8 bytes [from, to) as text. */
const decodeRange: (b: Uint8Array, from: number, to: number) => string = nodeBuffer
  ? (b, from, to) => (b as ReturnType<HostBuffer['from']>).toString('utf8', from, to)
  : (b, from, to) => utf8.decode(b.subarray(from, to));

/** A scanner over a part given as text (tests, small parts) or as its UTF-8 bytes. */
export function scannerOf(part: string | Uint8Array, maxDepth?: number): XmlScanner {
  return new XmlScanner(typeof part === 'string' ? encoder.encode(part) : part, maxDepth);
}

export class XmlError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'XmlError';
  }
}

export const START = 1;
export const END = 2;
export const TEXT = 3;
export const EOF = 4;
export type Token = typeof START | typeof END | typeof TEXT | typeof EOF;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_ATTRS = 64;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const DQ = 0x22;
const SQ = 0x27;

/** A byte that can be part of a name (-1: past the end). */
const isNameChar = (c: number) =>
  !(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === SLASH || c === GT || c === 0x3d || c === LT || c === DQ || c === SQ || c < 0);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Decodes `&…;` references in text or an attribute value (only the predefined entities exist without a DTD). */
export function decodeEntities(s: string): string {
  let at = s.indexOf('&');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const semi = s.indexOf(';', at);
    if (semi < 0 || semi - at > 12) throw new XmlError('a bare & in text');
    const ref = s.slice(at + 1, semi);
    let ch: string;
    if (ref === 'amp') ch = '&';
    else if (ref === 'lt') ch = '<';
    else if (ref === 'gt') ch = '>';
    else if (ref === 'quot') ch = '"';
    else if (ref === 'apos') ch = "'";
    else if (ref.charCodeAt(0) === 0x23) {
      const hex = ref.charCodeAt(1) === 0x78;
      const digits = ref.slice(hex ? 2 : 1);
      const valid = digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
      const cp = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!isXmlChar(cp)) throw new XmlError(`a character reference XML does not allow: &${ref};`);
      ch = String.fromCodePoint(cp);
    } else throw new XmlError(`an undeclared entity &${ref};`);
    out += s.slice(from, at) + ch;
    from = semi + 1;
    at = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

// Names as strings, kept by a hash of their bytes: a part has a few dozen distinct names and tens of thousands
// of tags, so each name is decoded once (per process), not once per tag. ASCII names only; others are decoded.
const NAME_SLOTS = 1024;
const names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);

interface Frame {
  /** Qualified name as written. */
  qname: string;
  /** Where its bytes are in the part, for the end-tag check. */
  at: number;
  len: number;
  /** Namespace bindings this element declared, or undefined (most elements declare none). */
  bindings: Map<string, string> | undefined;
}

export class XmlScanner {
  private readonly b: Uint8Array;
  private readonly len: number;
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly scopes: Map<string, string>[] = [];
  /** skip()'s stack of open elements: where each one's name starts, and its length. */
  private readonly innerAt: number[] = [];
  private readonly innerLen: number[] = [];
  /** The attributes of the element just started: the first attrCount entries (reused, never shrunk). */
  private attrCount = 0;
  /** Where each attribute's name is (its bytes: names are compared as bytes, made strings only when asked). */
  private attrNameAt: number[] = [];
  private attrNameLen: number[] = [];
  /** Where each attribute's value is (entities not yet decoded). */
  private attrFrom: number[] = [];
  private attrTo: number[] = [];
  private pendingEnd = false;
  private rootSeen = false;
  /** Local name and namespace of the element just started or ended. */
  local = '';
  ns = '';
  /** Where the last TEXT token's bytes are (entities not yet decoded; CDATA already unwrapped). */
  private textFrom = 0;
  private textTo = 0;
  private textIsCdata = false;
  /** Local name and namespace of each qualified name, while the namespace bindings stay the same. */
  private resolved = new Map<string, [string, string]>();

  /** `bytes` is the part, checked by the caller to be UTF-8. */
  constructor(
    bytes: Uint8Array,
    private readonly maxDepth = 128,
  ) {
    this.b = searchable(bytes);
    this.len = bytes.length;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  /** The byte at p, or -1 past the end. */
  private at(p: number): number {
    return p < this.len ? this.b[p]! : -1;
  }

  /** Where the next byte `c` is at or after `from`, or -1. */
  private find(c: number, from: number): number {
    return from < this.len ? this.b.indexOf(c, from) : -1;
  }

  /** Where the next `lit` (ASCII) starts at or after `from`, or -1. */
  private findLit(lit: string, from: number): number {
    const first = lit.charCodeAt(0);
    for (let p = this.find(first, from); p >= 0; p = this.find(first, p + 1)) if (this.isAt(p, lit)) return p;
    return -1;
  }

  /** The bytes at p are `lit` (ASCII). */
  private isAt(p: number, lit: string): boolean {
    if (p + lit.length > this.len) return false;
    for (let i = 0; i < lit.length; i++) if (this.b[p + i] !== lit.charCodeAt(i)) return false;
    return true;
  }

  /** The bytes [from, to) as text: ASCII built directly, anything else decoded as UTF-8. */
  private value(from: number, to: number): string {
    const b = this.b;
    if (to - from > 16) return decodeRange(b, from, to);
    let out = '';
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c >= 0x80) return decodeRange(b, from, to);
      out += String.fromCharCode(c);
    }
    return out;
  }

  /** The name in bytes [from, to) (from < to). */
  private name(from: number, to: number): string {
    const b = this.b;
    const n = to - from;
    const slot = (n * 131 + b[from]! * 31 + b[to - 1]! * 7 + b[from + (n >> 1)]!) & (NAME_SLOTS - 1);
    const hit = names[slot];
    if (hit !== undefined && hit.length === n) {
      let same = true;
      for (let i = 0; i < n; i++)
        if (hit.charCodeAt(i) !== b[from + i]) {
          same = false;
          break;
        }
      if (same) return hit;
    }
    const s = this.value(from, to);
    if (s.length === n) names[slot] = s;
    return s;
  }

  /** The same bytes at x and y, n of them. */
  private same(x: number, y: number, n: number): boolean {
    if (y + n > this.len) return false;
    const b = this.b;
    for (let i = 0; i < n; i++) if (b[x + i] !== b[y + i]) return false;
    return true;
  }

  get depth(): number {
    return this.stack.length;
  }

  /** The next token; START leaves the attributes readable through attr(), TEXT through text(). */
  next(): Token {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      return this.closeTop();
    }
    for (;;) {
      const lt = this.find(LT, this.pos);
      if (lt < 0) {
        const rest = this.value(this.pos, this.len);
        this.pos = this.len;
        if (this.stack.length) throw new XmlError(`the part ends inside <${this.stack[this.stack.length - 1]!.qname}> (truncated?)`);
        if (rest.trim() !== '') throw new XmlError('text outside the root element');
        return EOF;
      }
      if (lt > this.pos) {
        const from = this.pos;
        this.pos = lt;
        if (this.stack.length === 0) {
          if (this.value(from, lt).trim() !== '') throw new XmlError('text outside the root element');
        } else {
          this.textFrom = from;
          this.textTo = lt;
          this.textIsCdata = false;
          return TEXT;
        }
      }
      const c1 = this.at(lt + 1);
      if (c1 === 0x21 /* ! */) {
        if (this.isAt(lt, '<!--')) {
          const end = this.findLit('-->', lt + 4);
          if (end < 0) throw new XmlError('an unclosed comment');
          this.pos = end + 3;
          continue;
        }
        if (this.isAt(lt, '<![CDATA[')) {
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root element');
          const end = this.findLit(']]>', lt + 9);
          if (end < 0) throw new XmlError('an unclosed CDATA section');
          this.textFrom = lt + 9;
          this.textTo = end;
          this.textIsCdata = true;
          this.pos = end + 3;
          return TEXT;
        }
        throw new XmlError('a DTD or declaration (not allowed in workbook parts)');
      }
      if (c1 === 0x3f /* ? */) {
        const end = this.findLit('?>', lt + 2);
        if (end < 0) throw new XmlError('an unclosed processing instruction');
        this.pos = end + 2;
        continue;
      }
      if (c1 === SLASH) return this.endTag(lt);
      return this.startTag(lt);
    }
  }

  private startTag(lt: number): Token {
    const b = this.b;
    const len = this.len;
    let p = lt + 1;
    while (p < len && isNameChar(b[p]!)) p++;
    if (p === lt + 1) throw new XmlError('a < that starts no element');
    const qname = this.name(lt + 1, p);
    const nameLen = p - lt - 1;
    this.attrCount = 0;
    let bindings: Map<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      const before = p;
      while (p < len && isSpace(b[p]!)) p++;
      const c = this.at(p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (this.at(p + 1) !== GT) throw new XmlError(`a broken tag <${qname}>`);
        selfClosing = true;
        p += 2;
        break;
      }
      if (c < 0) throw new XmlError(`the part ends inside <${qname}> (truncated?)`);
      if (p === before) throw new XmlError(`attributes of <${qname}> without space between them`);
      const nameStart = p;
      while (p < len && isNameChar(b[p]!)) p++;
      const nameLen = p - nameStart;
      while (p < len && isSpace(b[p]!)) p++;
      if (nameLen === 0 || this.at(p) !== 0x3d /* = */) throw new XmlError(`a broken attribute in <${qname}>`);
      p++;
      while (p < len && isSpace(b[p]!)) p++;
      const q = this.at(p);
      if (q !== DQ && q !== SQ) throw new XmlError(`an unquoted attribute in <${qname}>`);
      // Values are short: walked byte by byte, which costs less than a call to the host's search.
      const from = p + 1;
      let end = from;
      for (; end < len; end++) {
        const v = b[end]!;
        if (v === q) break;
        if (v === LT) throw new XmlError(`a < in an attribute of <${qname}>`);
      }
      if (end >= len) throw new XmlError(`the part ends inside <${qname}> (truncated?)`);
      p = end + 1;
      const n = this.attrCount;
      if (n >= MAX_ATTRS) throw new XmlError(`more than ${MAX_ATTRS} attributes on <${qname}>`);
      for (let i = 0; i < n; i++)
        if (this.attrNameLen[i] === nameLen && this.same(this.attrNameAt[i]!, nameStart, nameLen))
          throw new XmlError(`the attribute ${this.value(nameStart, nameStart + nameLen)} twice on <${qname}>`);
      if (b[nameStart] === 0x78 /* x */ && this.isAt(nameStart, 'xmlns') && (nameLen === 5 || b[nameStart + 5] === 0x3a))
        (bindings ??= new Map()).set(nameLen === 5 ? '' : this.value(nameStart + 6, nameStart + nameLen), decodeEntities(this.value(from, end)));
      this.attrNameAt[n] = nameStart;
      this.attrNameLen[n] = nameLen;
      this.attrFrom[n] = from;
      this.attrTo[n] = end;
      this.attrCount = n + 1;
    }
    this.pos = p;
    if (this.stack.length >= this.maxDepth) throw new XmlError(`elements nested more than ${this.maxDepth} deep`);
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new XmlError('a second root element');
      this.rootSeen = true;
    }
    this.stack.push({ qname, at: lt + 1, len: nameLen, bindings });
    if (bindings) {
      this.scopes.push(bindings);
      this.resolved.clear();
    }
    this.setName(qname);
    this.pendingEnd = selfClosing;
    return START;
  }

  /** Where the end tag at `lt` of the element whose name is at [at, at+n) ends (its '>'), or -1 if it is not that tag. */
  private endOf(lt: number, at: number, n: number): number {
    if (!this.same(at, lt + 2, n)) return -1;
    let e = lt + 2 + n;
    while (isSpace(this.at(e))) e++;
    return this.at(e) === GT ? e : -1;
  }

  /** The error for an end tag at `lt` that does not close `<expected>`. */
  private badEnd(lt: number, expected: string | undefined): XmlError {
    const gt = this.find(GT, lt + 2);
    if (gt < 0) return new XmlError('the part ends inside an end tag (truncated?)');
    const qname = this.value(lt + 2, Math.min(gt, lt + 66)).trimEnd();
    return new XmlError(expected === undefined ? `an end tag </${qname}> without its start` : `<${expected}> ended by </${qname}>`);
  }

  private endTag(lt: number): Token {
    const top = this.stack[this.stack.length - 1];
    const gt = top ? this.endOf(lt, top.at, top.len) : -1;
    if (gt < 0) throw this.badEnd(lt, top?.qname);
    this.pos = gt + 1;
    return this.closeTop();
  }

  private closeTop(): Token {
    const top = this.stack[this.stack.length - 1]!;
    this.setName(top.qname);
    this.stack.pop();
    if (top.bindings) {
      this.scopes.pop();
      this.resolved.clear();
    }
    return END;
  }

  private resolve(prefix: string): string {
    if (prefix === 'xml') return XML_NS;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]!.get(prefix);
      if (v !== undefined) return v;
    }
    if (prefix === '') return '';
    throw new XmlError(`the prefix ${prefix}: is not declared`);
  }

  private setName(qname: string) {
    let hit = this.resolved.get(qname);
    if (!hit) {
      const colon = qname.indexOf(':');
      hit = [colon < 0 ? qname : qname.slice(colon + 1), this.resolve(colon < 0 ? '' : qname.slice(0, colon))];
      if (this.resolved.size < 256) this.resolved.set(qname, hit);
    }
    this.local = hit[0];
    this.ns = hit[1];
  }

  /** An attribute of the element just started: unprefixed by local name, prefixed by namespace + local name. */
  attr(local: string, ns?: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) {
      const at = this.attrNameAt[i]!;
      const len = this.attrNameLen[i]!;
      if (ns === undefined) {
        if (this.nameIs(at, len, local)) return decodeEntities(this.value(this.attrFrom[i]!, this.attrTo[i]!));
        continue;
      }
      let colon = at;
      while (colon < at + len && this.b[colon] !== 0x3a) colon++;
      if (colon >= at + len || !this.nameIs(colon + 1, at + len - colon - 1, local)) continue;
      const prefix = this.value(at, colon);
      if (prefix !== 'xmlns' && this.resolve(prefix) === ns) return decodeEntities(this.value(this.attrFrom[i]!, this.attrTo[i]!));
    }
    return undefined;
  }

  /** The name whose bytes are [at, at+len) is `name`. */
  private nameIs(at: number, len: number, name: string): boolean {
    if (len === name.length && this.isAt(at, name)) return true;
    // A non-ASCII name has more bytes than UTF-16 units.
    return len > name.length && this.value(at, at + len) === name;
  }

  /** The character data of the last TEXT token. */
  text(): string {
    const raw = this.value(this.textFrom, this.textTo);
    return this.textIsCdata ? raw : decodeEntities(raw);
  }

  /**
   * The text content of the element just started (its character data, and that of any child elements),
   * up to `maxChars` characters; the element's END has been consumed when this returns.
   */
  textContent(maxChars: number): string | null {
    const depth = this.stack.length;
    let out = '';
    let over = false;
    for (;;) {
      const t = this.next();
      if (t === TEXT) {
        if (!over) {
          out += this.text();
          if (out.length > maxChars) over = true;
        }
      } else if (t === END && this.stack.length < depth) return over ? null : out;
      else if (t === EOF) throw new XmlError('the part ends inside an element (truncated?)');
    }
  }

  /**
   * Skips the element just started, with everything inside it, checking only what nesting needs (matching end
   * tags, quoted attribute values, comments, CDATA, no DTD): skipped content is never interpreted, so its
   * attributes are not parsed. Returns how many elements it held whose local name is `count` (e.g. 'c').
   *
   * Called after an END instead, it skips the rest of the element that is open. `onCounted`, when given, sees
   * the raw value of attribute `attr` (or undefined) of each counted element directly inside the skipped one.
   */
  skip(count?: string, onCounted?: { attr: string; see: (raw: string | undefined) => void }): number {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.closeTop();
      return 0;
    }
    const b = this.b;
    const len = this.len;
    // The elements open inside the skipped one, as positions of their names (no strings made).
    const innerAt = this.innerAt;
    const innerLen = this.innerLen;
    const top = this.stack[this.stack.length - 1]!;
    let depth = 0;
    let n = 0;
    let p = this.pos;
    for (;;) {
      const lt = this.find(LT, p);
      if (lt < 0) throw new XmlError('the part ends inside an element (truncated?)');
      const c1 = this.at(lt + 1);
      if (c1 === SLASH) {
        const gt = depth === 0 ? this.endOf(lt, top.at, top.len) : this.endOf(lt, innerAt[depth - 1]!, innerLen[depth - 1]!);
        if (gt < 0) throw this.badEnd(lt, depth === 0 ? top.qname : this.value(innerAt[depth - 1]!, innerAt[depth - 1]! + innerLen[depth - 1]!));
        p = gt + 1;
        if (depth === 0) {
          this.pos = p;
          this.closeTop();
          return n;
        }
        depth--;
        continue;
      }
      if (c1 === 0x21 /* ! */) {
        const cdata = this.isAt(lt, '<![CDATA[');
        if (!cdata && !this.isAt(lt, '<!--')) throw new XmlError('a DTD or declaration (not allowed in workbook parts)');
        const end = this.findLit(cdata ? ']]>' : '-->', lt + 4);
        if (end < 0) throw new XmlError(cdata ? 'an unclosed CDATA section' : 'an unclosed comment');
        p = end + 3;
        continue;
      }
      if (c1 === 0x3f /* ? */) {
        const end = this.findLit('?>', lt + 2);
        if (end < 0) throw new XmlError('an unclosed processing instruction');
        p = end + 2;
        continue;
      }
      // A start tag: its name, then on to its '>' past quoted values, walked byte by byte (a tag is a few dozen
      // bytes: cheaper than the host's search for each quote and '>'). No '<' may come before that '>'.
      let q = lt + 1;
      while (q < len && isNameChar(b[q]!)) q++;
      if (q === lt + 1) throw new XmlError('a < that starts no element');
      const nameEnd = q;
      let quote = 0;
      for (; ; q++) {
        const c = q < len ? b[q]! : LT;
        if (c === LT) throw new XmlError(`the part ends inside <${this.value(lt + 1, nameEnd)}> (truncated?)`);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === GT) break;
        else if (c === DQ || c === SQ) quote = c;
      }
      if (count !== undefined && this.endsWithLocal(lt + 1, nameEnd, count)) {
        n++;
        if (onCounted && depth === 0) onCounted.see(this.rawAttr(nameEnd, q, onCounted.attr));
      }
      if (b[q - 1] !== SLASH) {
        if (depth + this.stack.length >= this.maxDepth) throw new XmlError(`elements nested more than ${this.maxDepth} deep`);
        innerAt[depth] = lt + 1;
        innerLen[depth] = nameEnd - lt - 1;
        depth++;
      }
      p = q + 1;
    }
  }

  /**
   * The raw value of the unprefixed attribute `name` in a start tag's attributes [from, to) (the tag's quotes
   * already checked to balance), or undefined; a tag that is not name="value" pairs is refused.
   */
  private rawAttr(from: number, to: number, name: string): string | undefined {
    const b = this.b;
    let p = from;
    for (;;) {
      while (p < to && isSpace(b[p]!)) p++;
      if (p >= to || b[p] === SLASH) return undefined;
      const at = p;
      while (p < to && isNameChar(b[p]!)) p++;
      const len = p - at;
      while (p < to && isSpace(b[p]!)) p++;
      if (len === 0 || b[p] !== 0x3d /* = */) throw new XmlError(`a broken attribute in <${this.value(from, Math.min(to, from + 40))}>`);
      p++;
      while (p < to && isSpace(b[p]!)) p++;
      const q = b[p]!;
      if (q !== DQ && q !== SQ) throw new XmlError('an unquoted attribute');
      let end = p + 1;
      while (b[end] !== q) end++;
      if (len === name.length && this.isAt(at, name)) return this.value(p + 1, end);
      p = end + 1;
    }
  }

  /** The name [from, to) is `local`, or ends in `:local`. */
  private endsWithLocal(from: number, to: number, local: string): boolean {
    const at = to - local.length;
    if (at < from || (at > from && this.b[at - 1] !== 0x3a)) return false;
    return this.isAt(at, local);
  }
}
