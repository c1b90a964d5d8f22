// A small pull scanner for the XML of workbook parts: one pass over the text, every step linear (no regular
// expressions, no backtracking), element nesting bounded, and everything XML 1.0 needs for well-formedness
// that a hostile part could use to make us read differently from Excel checked: matching end tags, unique
// attributes, only the five predefined entities and valid character references, no DTD (so no entity
// expansion, no external entities). Names are resolved to their namespace, so `<x:c>` is a cell only when
// `x` is bound to SpreadsheetML.
//
// A part is scanned as a one-byte view of its UTF-8 bytes (`byteView`: one character per byte), not decoded
// first: the markup XML needs is ASCII, and in UTF-8 every byte of a non-ASCII character is ≥ 0x80, so
// nothing inside one can look like markup. Only the values handed out (attributes, text) are decoded, from the
// bytes. Decoding a whole part to UTF-16 cost more than scanning it (a 573 kB 申报书 sheet: 1.35 ms vs 0.5 ms).

const utf8 = new TextDecoder('utf-8');

type HostBuffer = { from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
const nodeBuffer = (globalThis as { Buffer?: HostBuffer }).Buffer;
// The WHATWG 'latin1' label is windows-1252: still one BMP character per byte, and ASCII as itself.
const oneByte = nodeBuffer ? undefined : new TextDecoder('latin1');

/** A part's bytes as one character per byte, for the scanner (see the top of this file). */
export function byteView(bytes: Uint8Array): string {
  return nodeBuffer ? nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1') : oneByte!.decode(bytes);
}

/** A scanner over a part given as text or as its UTF-8 bytes (scanned through byteView). */
export function scannerOf(part: string | Uint8Array, maxDepth?: number): XmlScanner {
  return typeof part === 'string' ? new XmlScanner(part, maxDepth) : new XmlScanner(byteView(part), maxDepth, part);
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

const isNameChar = (c: number) =>
  !(
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x2f ||
    c === 0x3e ||
    c === 0x3d ||
    c === 0x3c ||
    c === 0x22 ||
    c === 0x27 ||
    Number.isNaN(c)
  );
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

interface Frame {
  /** Qualified name as written (for the end-tag check). */
  qname: string;
  /** Namespace bindings this element declared, or undefined (most elements declare none). */
  bindings: Map<string, string> | undefined;
}

export class XmlScanner {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly scopes: Map<string, string>[] = [];
  /** Where the next " and ' are at or after where skip() last looked (s.length: none), so each is searched once. */
  private nextDq = -1;
  private nextSq = -1;
  /** skip()'s stack of open elements: where each one's name starts in `s`, and its length. */
  private readonly innerAt: number[] = [];
  private readonly innerLen: number[] = [];
  /** The attributes of the element just started: the first attrCount entries (reused, never shrunk). */
  private attrCount = 0;
  private attrNames: string[] = [];
  /** Where each attribute's value is (entities not yet decoded). */
  private attrFrom: number[] = [];
  private attrTo: number[] = [];
  private pendingEnd = false;
  private rootSeen = false;
  /** Local name and namespace of the element just started or ended. */
  local = '';
  ns = '';
  /** Where the last TEXT token's characters are (entities not yet decoded; CDATA already unwrapped). */
  private textFrom = 0;
  private textTo = 0;
  private textIsCdata = false;
  /** Local name and namespace of each qualified name, while the namespace bindings stay the same. */
  private names = new Map<string, [string, string]>();

  /**
   * `s` is the part's text, or with `bytes` its one-byte view (byteView(bytes)): then values are decoded from
   * `bytes` as UTF-8, which the caller has checked the whole part to be.
   */
  constructor(
    private readonly s: string,
    private readonly maxDepth = 128,
    private readonly bytes?: Uint8Array,
  ) {
    if (bytes) {
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
    } else if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** The characters from `from` to `to`: as they are, or decoded from the bytes when any is not ASCII. */
  private value(from: number, to: number): string {
    const b = this.bytes;
    if (b) for (let i = from; i < to; i++) if (b[i]! >= 0x80) return utf8.decode(b.subarray(from, to));
    return this.s.slice(from, to);
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
    const s = this.s;
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) {
        const rest = s.slice(this.pos);
        this.pos = s.length;
        if (this.stack.length) throw new XmlError(`the part ends inside <${this.stack[this.stack.length - 1]!.qname}> (truncated?)`);
        if (rest.trim() !== '') throw new XmlError('text outside the root element');
        return EOF;
      }
      if (lt > this.pos) {
        const from = this.pos;
        this.pos = lt;
        if (this.stack.length === 0) {
          if (s.slice(from, lt).trim() !== '') throw new XmlError('text outside the root element');
        } else {
          this.textFrom = from;
          this.textTo = lt;
          this.textIsCdata = false;
          return TEXT;
        }
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) throw new XmlError('an unclosed comment');
          this.pos = end + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root element');
          const end = s.indexOf(']]>', lt + 9);
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
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) throw new XmlError('an unclosed processing instruction');
        this.pos = end + 2;
        continue;
      }
      if (c1 === 0x2f /* / */) return this.endTag(lt);
      return this.startTag(lt);
    }
  }

  private startTag(lt: number): Token {
    const s = this.s;
    let p = lt + 1;
    while (p < s.length && isNameChar(s.charCodeAt(p))) p++;
    const qname = s.slice(lt + 1, p);
    if (qname === '') throw new XmlError('a < that starts no element');
    // The next '<', searched for once per tag (not once per attribute): no attribute value may reach it.
    const nextLt = s.indexOf('<', p);
    this.attrCount = 0;
    let bindings: Map<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      const before = p;
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      const c = s.charCodeAt(p);
      if (c === 0x3e /* > */) {
        p++;
        break;
      }
      if (c === 0x2f /* / */) {
        if (s.charCodeAt(p + 1) !== 0x3e) throw new XmlError(`a broken tag <${qname}>`);
        selfClosing = true;
        p += 2;
        break;
      }
      if (Number.isNaN(c)) throw new XmlError(`the part ends inside <${qname}> (truncated?)`);
      if (p === before) throw new XmlError(`attributes of <${qname}> without space between them`);
      const nameStart = p;
      while (p < s.length && isNameChar(s.charCodeAt(p))) p++;
      const name = s.slice(nameStart, p);
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      if (name === '' || s.charCodeAt(p) !== 0x3d /* = */) throw new XmlError(`a broken attribute in <${qname}>`);
      p++;
      while (p < s.length && isSpace(s.charCodeAt(p))) p++;
      const q = s.charCodeAt(p);
      if (q !== 0x22 && q !== 0x27) throw new XmlError(`an unquoted attribute in <${qname}>`);
      const end = s.indexOf(q === 0x22 ? '"' : "'", p + 1);
      if (end < 0) throw new XmlError(`the part ends inside <${qname}> (truncated?)`);
      if (nextLt >= 0 && nextLt < end) throw new XmlError(`a < in an attribute of <${qname}>`);
      const from = p + 1;
      p = end + 1;
      const n = this.attrCount;
      if (n >= MAX_ATTRS) throw new XmlError(`more than ${MAX_ATTRS} attributes on <${qname}>`);
      for (let i = 0; i < n; i++) if (this.attrNames[i] === name) throw new XmlError(`the attribute ${name} twice on <${qname}>`);
      if (name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 0x3a))
        (bindings ??= new Map()).set(name === 'xmlns' ? '' : name.slice(6), decodeEntities(this.value(from, end)));
      this.attrNames[n] = name;
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
    this.stack.push({ qname, bindings });
    if (bindings) {
      this.scopes.push(bindings);
      this.names.clear();
    }
    this.setName(qname);
    this.pendingEnd = selfClosing;
    return START;
  }

  private endTag(lt: number): Token {
    const s = this.s;
    const top = this.stack[this.stack.length - 1];
    let p = lt + 2 + (top ? top.qname.length : 0);
    if (top && s.startsWith(top.qname, lt + 2)) while (isSpace(s.charCodeAt(p))) p++;
    if (!top || s.charCodeAt(p) !== 0x3e || !s.startsWith(top.qname, lt + 2)) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('the part ends inside an end tag (truncated?)');
      const qname = s.slice(lt + 2, Math.min(gt, lt + 66)).trimEnd();
      throw new XmlError(top ? `<${top.qname}> ended by </${qname}>` : `an end tag </${qname}> without its start`);
    }
    this.pos = p + 1;
    return this.closeTop();
  }

  private closeTop(): Token {
    const top = this.stack[this.stack.length - 1]!;
    this.setName(top.qname);
    this.stack.pop();
    if (top.bindings) {
      this.scopes.pop();
      this.names.clear();
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
    let hit = this.names.get(qname);
    if (!hit) {
      const colon = qname.indexOf(':');
      hit = [colon < 0 ? qname : qname.slice(colon + 1), this.resolve(colon < 0 ? '' : qname.slice(0, colon))];
      if (this.names.size < 256) this.names.set(qname, hit);
    }
    this.local = hit[0];
    this.ns = hit[1];
  }

  /** An attribute of the element just started: unprefixed by local name, prefixed by namespace + local name. */
  attr(local: string, ns?: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) {
      const name = this.attrNames[i]!;
      if (ns === undefined) {
        if (name === local) return decodeEntities(this.value(this.attrFrom[i]!, this.attrTo[i]!));
        continue;
      }
      const colon = name.indexOf(':');
      if (colon < 0 || name.slice(colon + 1) !== local) continue;
      const prefix = name.slice(0, colon);
      if (prefix !== 'xmlns' && this.resolve(prefix) === ns) return decodeEntities(this.value(this.attrFrom[i]!, this.attrTo[i]!));
    }
    return undefined;
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
    const s = this.s;
    // The elements open inside the skipped one, as positions of their names in `s` (no strings made).
    const innerAt = this.innerAt;
    const innerLen = this.innerLen;
    let depth = 0;
    let n = 0;
    let p = this.pos;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) throw new XmlError('the part ends inside an element (truncated?)');
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 0x2f /* / */) {
        let e: number;
        let same: boolean;
        if (depth === 0) {
          const expected = this.stack[this.stack.length - 1]!.qname;
          e = lt + 2 + expected.length;
          same = s.startsWith(expected, lt + 2);
        } else {
          const at = innerAt[depth - 1]!;
          const len = innerLen[depth - 1]!;
          e = lt + 2 + len;
          same = true;
          for (let i = 0; i < len; i++)
            if (s.charCodeAt(lt + 2 + i) !== s.charCodeAt(at + i)) {
              same = false;
              break;
            }
        }
        while (isSpace(s.charCodeAt(e))) e++;
        if (s.charCodeAt(e) !== 0x3e || !same) {
          const gt = s.indexOf('>', lt + 2);
          const expected = depth === 0 ? this.stack[this.stack.length - 1]!.qname : s.slice(innerAt[depth - 1]!, innerAt[depth - 1]! + innerLen[depth - 1]!);
          throw new XmlError(
            gt < 0 ? 'the part ends inside an end tag (truncated?)' : `<${expected}> ended by </${s.slice(lt + 2, Math.min(gt, lt + 66)).trimEnd()}>`,
          );
        }
        p = e + 1;
        if (depth === 0) {
          this.pos = p;
          this.closeTop();
          return n;
        }
        depth--;
        continue;
      }
      if (c1 === 0x21 /* ! */) {
        const cdata = s.startsWith('<![CDATA[', lt);
        if (!cdata && !s.startsWith('<!--', lt)) throw new XmlError('a DTD or declaration (not allowed in workbook parts)');
        const end = s.indexOf(cdata ? ']]>' : '-->', lt + 4);
        if (end < 0) throw new XmlError(cdata ? 'an unclosed CDATA section' : 'an unclosed comment');
        p = end + 3;
        continue;
      }
      if (c1 === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) throw new XmlError('an unclosed processing instruction');
        p = end + 2;
        continue;
      }
      // A start tag: its name, then on to its '>' past quoted values, found by the host's string search (no
      // loop over each character: most of a sheet is skipped). No '<' may come before that '>'.
      let q = lt + 1;
      while (q < s.length && isNameChar(s.charCodeAt(q))) q++;
      if (q === lt + 1) throw new XmlError('a < that starts no element');
      const nameEnd = q;
      const nextLt = s.indexOf('<', q);
      for (;;) {
        const gt = s.indexOf('>', q);
        if (this.nextDq < q) this.nextDq = indexOrEnd(s, '"', q);
        if (this.nextSq < q) this.nextSq = indexOrEnd(s, "'", q);
        const quote = Math.min(this.nextDq, this.nextSq);
        if (gt >= 0 && gt < quote) {
          q = gt;
          break;
        }
        const close = quote < s.length ? s.indexOf(s[quote]!, quote + 1) : -1;
        if (close < 0 || (nextLt >= 0 && close > nextLt)) throw new XmlError(`the part ends inside <${s.slice(lt + 1, nameEnd)}> (truncated?)`);
        q = close + 1;
      }
      if (nextLt >= 0 && nextLt < q) throw new XmlError(`the part ends inside <${s.slice(lt + 1, nameEnd)}> (truncated?)`);
      if (count !== undefined && endsWithLocal(s, lt + 1, nameEnd, count)) {
        n++;
        if (onCounted && depth === 0) onCounted.see(rawAttr(s, nameEnd, q, onCounted.attr));
      }
      if (s.charCodeAt(q - 1) !== 0x2f /* / */) {
        if (depth + this.stack.length >= this.maxDepth) throw new XmlError(`elements nested more than ${this.maxDepth} deep`);
        innerAt[depth] = lt + 1;
        innerLen[depth] = nameEnd - lt - 1;
        depth++;
      }
      p = q + 1;
    }
  }
}

/**
 * The raw value of the unprefixed attribute `name` in a start tag's attributes s[from, to) (the tag's quotes
 * already checked to balance), or undefined; a tag that is not name="value" pairs is refused.
 */
function rawAttr(s: string, from: number, to: number, name: string): string | undefined {
  let p = from;
  for (;;) {
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    const c = s.charCodeAt(p);
    if (p >= to || c === 0x2f /* / */) return undefined;
    const at = p;
    while (p < to && isNameChar(s.charCodeAt(p))) p++;
    const len = p - at;
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    if (len === 0 || s.charCodeAt(p) !== 0x3d /* = */) throw new XmlError(`a broken attribute in <${s.slice(from, Math.min(to, from + 40))}>`);
    p++;
    while (p < to && isSpace(s.charCodeAt(p))) p++;
    const q = s.charCodeAt(p);
    if (q !== 0x22 && q !== 0x27) throw new XmlError('an unquoted attribute');
    const end = s.indexOf(q === 0x22 ? '"' : "'", p + 1);
    if (len === name.length && s.startsWith(name, at)) return s.slice(p + 1, end);
    p = end + 1;
  }
}

const indexOrEnd = (s: string, c: string, from: number) => {
  const at = s.indexOf(c, from);
  return at < 0 ? s.length : at;
};

/** The name s[from, to) is `local`, or ends in `:local`. */
function endsWithLocal(s: string, from: number, to: number, local: string): boolean {
  const at = to - local.length;
  if (at < from || (at > from && s.charCodeAt(at - 1) !== 0x3a)) return false;
  for (let i = 0; i < local.length; i++) if (s.charCodeAt(at + i) !== local.charCodeAt(i)) return false;
  return true;
}
