/**
 * Reading Electronegativity's SARIF report against the checked-in allow-list. The scanner exits 0 even
 * when it finds problems, so the report is the only honest signal.
 */

/** One line per finding: the check, the file (relative to the scanned folder) and where. */
export function findingsFromSarif(sarif) {
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        check: result.ruleId,
        file: (location?.artifactLocation?.uri ?? '').replaceAll('\\', '/'),
        line: location?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      };
    }),
  );
}

/** An allow-list entry names a check and a file and says why the finding is not a problem. */
export function checkAllowList(entries) {
  const problems = [];
  for (const [index, entry] of entries.entries()) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string')
      problems.push(`entry ${index}: check and file are required`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
      problems.push(`entry ${index}: a written reason is required`);
  }
  return problems;
}

const explains = (entry, finding) => entry.check === finding.check && entry.file === finding.file;

/** Findings no entry explains, and entries that no longer match any finding (kept honest, reported). */
export function compareWithAllowList(findings, entries) {
  return {
    unexplained: findings.filter((finding) => !entries.some((entry) => explains(entry, finding))),
    stale: entries.filter((entry) => !findings.some((finding) => explains(entry, finding))),
  };
}
