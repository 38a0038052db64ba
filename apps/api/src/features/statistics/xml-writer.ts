/**
 * A small streaming XML writer: elements are appended to a buffer that the caller takes after each
 * batch and writes to its stream, so a file of any size never sits in memory. Hand-written instead of
 * a library (xmlbuilder2 is not installed): the export needs only nested elements, text and
 * attributes, and the whole correctness burden is the escaping below, which is tested on its own.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Escapes text and attribute values; characters XML cannot carry become U+FFFD so the file stays well-formed. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;

export class XmlWriter {
  private buffer = '';
  private readonly open: string[] = [];

  declaration(): this {
    this.buffer += '<?xml version="1.0" encoding="UTF-8"?>\n';
    return this;
  }

  start(name: string, attributes: XmlAttributes = {}): this {
    this.buffer += `${this.indent()}<${checked(name)}${attributesOf(attributes)}>\n`;
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('no open element to end');
    this.buffer += `${this.indent()}</${name}>\n`;
    return this;
  }

  /** An element with text content; skipped when the value is null or undefined (optional elements). */
  leaf(name: string, value: string | number | null | undefined, attributes: XmlAttributes = {}): this {
    if (value === null || value === undefined) return this;
    this.buffer += `${this.indent()}<${checked(name)}${attributesOf(attributes)}>${escapeXml(String(value))}</${name}>\n`;
    return this;
  }

  /** The text written since the last call; the writer keeps its open elements. */
  take(): string {
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  /** Whether every started element was ended. */
  get closed(): boolean {
    return this.open.length === 0;
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

function checked(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid XML name: ${name}`);
  return name;
}

function attributesOf(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${checked(name)}="${escapeXml(String(value))}"`;
  }
  return out;
}
