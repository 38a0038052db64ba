import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MODUL8_DUTY_FORM_CODES,
  MODUL8_REASON_CODES,
  MODUL13_MEASURE_TYPE_CODES,
  modul8DutyFormTableMarkdown,
  modul8FieldTableMarkdown,
  modul13FieldTableMarkdown,
  modul13MeasureTypeTableMarkdown,
} from '@lotse/domain';
import { describe, expect, it } from 'vitest';
import { escapeXml, XmlWriter } from './xml-writer';

const here = dirname(fileURLToPath(import.meta.url));

/** The rows of the Markdown tables in a text, cells trimmed, separator rows left out. */
function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .join('|'),
    )
    .filter((row) => !/^\|?(:?-+:?\|)+$/.test(row));
}

describe('XML writer', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeXml(`Müller & Söhne <GmbH> "a" 'b'`)).toBe('Müller &amp; Söhne &lt;GmbH&gt; &quot;a&quot; &apos;b&apos;');
  });

  it('replaces characters XML cannot carry and keeps the ones it can', () => {
    expect(escapeXml('a\u0000b\u0008c\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXml('Tab\tNeu\nZeile\r😀 §')).toBe('Tab\tNeu\nZeile\r😀 §');
  });

  it('nests elements, skips empty optional ones, and hands out what it wrote chunk by chunk', () => {
    const writer = new XmlWriter().declaration().start('Wurzel', { xmlns: 'urn:x', Leer: null });
    const head = writer.take();
    expect(head).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Wurzel xmlns="urn:x">\n');
    writer.leaf('Name', 'A & B', { Art: '<1>' }).leaf('Fehlt', null).leaf('Zahl', 0);
    expect(writer.take()).toBe('  <Name Art="&lt;1&gt;">A &amp; B</Name>\n  <Zahl>0</Zahl>\n');
    expect(writer.closed).toBe(false);
    writer.end();
    expect(writer.take()).toBe('</Wurzel>\n');
    expect(writer.closed).toBe(true);
    expect(() => writer.end()).toThrow();
    expect(() => writer.start('kein name')).toThrow();
  });
});

describe('Modul 13 documentation and schema', () => {
  it('docs/statistics.md shows exactly the field table and the measure types of the domain', () => {
    const docs = tableRows(readFileSync(join(here, '../../../../../docs/statistics.md'), 'utf8')).join('\n');
    // Cell by cell, so a Markdown formatter aligning the columns does not matter.
    expect(docs).toContain(tableRows(modul13FieldTableMarkdown()).join('\n'));
    expect(docs).toContain(tableRows(modul13MeasureTypeTableMarkdown()).join('\n'));
    expect(docs).toContain(tableRows(modul8FieldTableMarkdown()).join('\n'));
    expect(docs).toContain(tableRows(modul8DutyFormTableMarkdown()).join('\n'));
  });

  const enumeration = (type: string) => {
    const xsd = readFileSync(join(here, 'modul13.xsd'), 'utf8');
    const block = xsd.slice(xsd.indexOf(`<xs:simpleType name="${type}">`));
    return [...block.slice(0, block.indexOf('</xs:simpleType>')).matchAll(/<xs:enumeration value="([^"]+)"\/>/g)].map((m) => m[1]);
  };

  it('the XSD enumerates exactly the measure type codes of the domain', () => {
    expect(enumeration('Massnahmeart')).toEqual([...MODUL13_MEASURE_TYPE_CODES]);
  });

  it('the XSD enumerates exactly the Modul 8 reasons and duty form codes of the domain', () => {
    expect(enumeration('Minderungsgrund')).toEqual(Object.values(MODUL8_REASON_CODES));
    expect(enumeration('Pflichtform')).toEqual(Object.values(MODUL8_DUTY_FORM_CODES));
  });
});
