/**
 * Reading text out of the XML parts of DOCX, XLSX and OFD packages. A tolerant tokenizer, not
 * an XML parser: the parts may be cut short by the inflation budget, and a damaged part should
 * still give the text before the damage rather than nothing.
 */

export interface XmlToken {
  /** 'open' <a>, 'close' </a>, 'empty' <a/>, 'text' character data (entities decoded). */
  type: 'open' | 'close' | 'empty' | 'text';
  /** Qualified name of a tag ('w:t'), '' for text. */
  name: string;
  /** Local name without prefix ('t'), '' for text. */
  local: string;
  /** The raw tag, for reading attributes; the decoded text for text tokens. */
  raw: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The tokens of an XML text, in order; comments, processing instructions and declarations are skipped. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const pattern = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[?!][^>]*>?|<(\/?)([^\s/>]+)[^>]*?(\/?)>|([^<]+)|<[^>]*$|</g;
  for (const m of xml.matchAll(pattern)) {
    if (m[1] !== undefined) {
      yield { type: 'text', name: '', local: '', raw: m[1] };
    } else if (m[3] !== undefined) {
      const name = m[3];
      const local = name.slice(name.indexOf(':') + 1);
      const type = m[2] === '/' ? 'close' : m[4] === '/' ? 'empty' : 'open';
      yield { type, name, local, raw: m[0] };
    } else if (m[5] !== undefined) {
      yield { type: 'text', name: '', local: '', raw: decodeXmlEntities(m[5]) };
    }
  }
}

/** The value of an attribute in a raw tag, entities decoded; undefined when absent. */
export function xmlAttribute(rawTag: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\s${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(rawTag);
  if (!m) return undefined;
  return decodeXmlEntities(m[1] ?? m[2] ?? '');
}
