import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseReleaseComment, relationTo, releaseComment } from './version.js';

describe('release versions', () => {
  it('orders versions as semantic versioning does', () => {
    const ordered = ['0.0.9', '0.1.0-alpha', '0.1.0-alpha.1', '0.1.0-alpha.beta', '0.1.0-beta.2', '0.1.0-beta.11', '0.1.0-rc.1', '0.1.0', '0.1.1', '0.10.0', '1.0.0'];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(compareVersions(ordered[i]!, ordered[j]!), `${ordered[i]} vs ${ordered[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('is antisymmetric for any versions', () => {
    const version = fc
      .tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2', '1')))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre === null ? '' : `-${pre}`}`);
    fc.assert(fc.property(version, version, (a, b) => compareVersions(a, b) === -compareVersions(b, a)));
  });

  it('says how an installer stands to the running version', () => {
    expect(relationTo('0.2.0', '0.1.0')).toBe('newer');
    expect(relationTo('0.1.0', '0.1.0')).toBe('same');
    expect(relationTo('0.1.0-rc.1', '0.1.0')).toBe('older');
  });

  it('reads back the trusted comment it writes, and nothing else', () => {
    expect(parseReleaseComment(releaseComment('0.1.0', 'linux'))).toEqual({ version: '0.1.0', platform: 'linux' });
    expect(parseReleaseComment('crossing 1.2.3-rc.1 win32')).toEqual({ version: '1.2.3-rc.1', platform: 'win32' });
    for (const comment of ['timestamp:1700000000\tfile:SHA256SUMS\thashed', 'crossing 0.1 linux', 'crossing 0.1.0', 'Crossing 0.1.0 linux', 'crossing 0.1.0 linux extra']) {
      expect(parseReleaseComment(comment), comment).toBeNull();
    }
    expect(() => releaseComment('v1', 'linux')).toThrow(/not a version/);
    expect(() => releaseComment('0.1.0', 'linux x')).toThrow(/not a platform/);
  });
});
