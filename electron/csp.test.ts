import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.js';

const directives = new Map(
  contentSecurityPolicy()
    .split(';')
    .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
    .map(([name, ...sources]) => [name, sources]),
);

describe('content security policy', () => {
  it('denies everything by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows only same-origin scripts and styles: no inline script, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('names no remote origin, no network scheme and no wildcard', () => {
    for (const [, sources] of directives) {
      for (const source of sources) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source);
    }
  });

  it('allows no connection, plugin, form, base or embedding', () => {
    for (const name of ['connect-src', 'object-src', 'form-action', 'base-uri', 'frame-ancestors']) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
  });

  it("allows workers only from the app's own files (pdf.js), never blob: or data:", () => {
    expect(directives.get('worker-src')).toEqual(["'self'"]);
  });
});
