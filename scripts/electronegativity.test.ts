import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAllowList, compareWithAllowList, findingsFromSarif } from './electronegativityFindings.mjs';

const sarif = {
  runs: [
    {
      results: [
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          message: { text: 'Failed to parse CSP' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'sessionHardening.ts' }, region: { startLine: 25 } } },
          ],
        },
        {
          ruleId: 'NODE_INTEGRATION_JS_CHECK',
          message: { text: 'Disable nodeIntegration' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'sub\\window.ts' }, region: { startLine: 3 } } }],
        },
      ],
    },
  ],
};
const reason = 'computed at run time and checked by its own unit test';

describe('electronegativity gate', () => {
  it('reads findings from the SARIF report', () => {
    expect(findingsFromSarif(sarif)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', file: 'sessionHardening.ts', line: 25, message: 'Failed to parse CSP' },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'sub/window.ts', line: 3, message: 'Disable nodeIntegration' },
    ]);
  });

  it('fails findings the allow-list does not explain and reports stale entries', () => {
    const entries = [
      { check: 'CSP_GLOBAL_CHECK', file: 'sessionHardening.ts', reason },
      { check: 'SANDBOX_JS_CHECK', file: 'old.ts', reason },
    ];
    const { unexplained, stale } = compareWithAllowList(findingsFromSarif(sarif), entries);
    expect(unexplained.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(stale).toEqual([entries[1]]);
  });

  it('requires a written reason for every entry', () => {
    expect(checkAllowList([{ check: 'X', file: 'y.ts', reason }])).toEqual([]);
    expect(checkAllowList([{ check: 'X', file: 'y.ts' }])).toHaveLength(1);
    expect(checkAllowList([{ check: 'X', file: 'y.ts', reason: 'ok' }])).toHaveLength(1);
  });

  it('fails the run on an insecure window (the scanner really runs)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossing-insecure-'));
    writeFileSync(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
    );
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('./electronegativity.mjs', import.meta.url)), dir], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK/);
  });
});
