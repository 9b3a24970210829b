import { describe, expect, it } from 'vitest';
import { formatSums, parseSums, SumsFormatError } from './sha256sums.js';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

describe('SHA256SUMS', () => {
  it("writes sha256sum's format, sorted by name, and reads it back", () => {
    const text = formatSums([
      { sha256: b, name: 'crossing_0.1.0_amd64.deb' },
      { sha256: a.toUpperCase(), name: 'Crossing-0.1.0.AppImage' },
    ]);
    expect(text).toBe(`${a}  Crossing-0.1.0.AppImage\n${b}  crossing_0.1.0_amd64.deb\n`);
    expect(parseSums(text)).toEqual([
      { sha256: a, name: 'Crossing-0.1.0.AppImage' },
      { sha256: b, name: 'crossing_0.1.0_amd64.deb' },
    ]);
  });

  it("accepts sha256sum's binary marker, CRLF line ends and names with spaces", () => {
    expect(parseSums(`${a} *Crossing Setup 0.1.0.exe\r\n`)).toEqual([{ sha256: a, name: 'Crossing Setup 0.1.0.exe' }]);
  });

  it.each([
    ['an empty list', '', /lists no file/],
    ['a short hash', `${'a'.repeat(63)}  x.deb\n`, /line 1 is not/],
    ['a path', `${a}  ../x.deb\n`, /not a plain file name/],
    ['an escaped name', `\\${a}  x\\ny.deb\n`, /line 1 is not/],
    ['one name with two hashes', `${a}  x.deb\n${b}  x.deb\n`, /listed twice/],
    ['a stray line', `${a}  x.deb\nhello\n`, /line 2 is not/],
  ])('refuses %s', (_name, text, why) => {
    expect(() => parseSums(text)).toThrow(SumsFormatError);
    expect(() => parseSums(text)).toThrow(why);
  });

  it('will not write a name with a folder in it', () => {
    expect(() => formatSums([{ sha256: a, name: 'release/x.deb' }])).toThrow(/plain file name/);
  });
});
