import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, xmlAttribute, xmlTokens } from './xml-text.js';

describe('xml-text', () => {
  it('decodes the XML entities and character references, leaving unknown ones', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp;amp; &quot;&apos; &#49;&#x33;&#X38; &#0; &nbsp;')).toBe('<a> &amp; "\' 13&#X38;  &nbsp;'); // XML has no &#X
  });

  it('tokenizes tags, text and CDATA and skips comments and declarations', () => {
    const tokens = [...xmlTokens('<?xml version="1.0"?><!-- c --><w:p a="1"><w:t>x&amp;y</w:t><w:br/><![CDATA[<raw>]]></w:p>')];
    expect(tokens.map((t) => `${t.type}:${t.name}:${t.local}:${t.type === 'text' ? t.raw : ''}`)).toEqual([
      'open:w:p:p:',
      'open:w:t:t:',
      'text:::x&y',
      'close:w:t:t:',
      'empty:w:br:br:',
      'text:::<raw>',
      'close:w:p:p:',
    ]);
  });

  it('does not turn a tag cut off at the end into text', () => {
    expect([...xmlTokens('<w:t>甲</w:t><w:t xml:sp')].map((t) => t.type)).toEqual(['open', 'text', 'close']);
  });

  it('reads attributes with either quote', () => {
    expect(xmlAttribute('<c r="A1" t=\'s\'>', 't')).toBe('s');
    expect(xmlAttribute('<ofd:TextCode X="0" Y="3.8">', 'Y')).toBe('3.8');
    expect(xmlAttribute('<c r="A1">', 't')).toBeUndefined();
    expect(xmlAttribute('<c rt="x">', 't')).toBeUndefined();
  });
});
