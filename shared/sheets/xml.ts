/**
 * A minimal reader for the XML of an XLSX package: elements with attributes and text, no DTDs, no
 * entities beyond the five predefined and character references. The parts read here (workbook,
 * sheets, shared strings, styles) use nothing more, and a reader this small cannot be talked into
 * fetching or expanding anything (no external entities, no billion laughs).
 */
export interface XmlEvent {
  kind: 'open' | 'close' | 'text';
  /** Local name, without a namespace prefix (`x:row` → `row`). */
  name: string;
  attrs: Record<string, string>;
  text: string;
  selfClosing: boolean;
}

const TAG =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    if (m.index > last) yield text(decodeEntities(xml.slice(last, m.index)));
    last = TAG.lastIndex;
    if (m[5] !== undefined) {
      yield text(m[5]);
      continue;
    }
    if (m[2] === undefined) continue; // declaration, comment, doctype
    const name = localName(m[2]);
    if (m[1] === '/') {
      yield { kind: 'close', name, attrs: {}, text: '', selfClosing: false };
      continue;
    }
    const attrs: Record<string, string> = {};
    if (m[3]) {
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(m[3]); a !== null; a = ATTR.exec(m[3])) {
        attrs[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
      }
    }
    const selfClosing = m[4] === '/';
    yield { kind: 'open', name, attrs, text: '', selfClosing };
    if (selfClosing) yield { kind: 'close', name, attrs: {}, text: '', selfClosing: true };
  }
  if (last < xml.length) yield text(decodeEntities(xml.slice(last)));
}

const text = (value: string): XmlEvent => ({ kind: 'text', name: '', attrs: {}, text: value, selfClosing: false });

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
