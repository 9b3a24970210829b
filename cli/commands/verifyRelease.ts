import fs from 'node:fs';
import { defineCommand } from '../command.js';
import { printJson, printLine, printNotice } from '../output.js';
import { rejectedError, usageError } from '../../shared/errors.js';
import { RELEASE_KEY_ID, RELEASE_PUBLIC_KEY, SIGNATURE_FILE, SUMS_FILE } from '../../shared/release/releaseKey.js';
import { verifyRelease } from '../../shared/release/verifyRelease.js';

/** The version of this copy of Crossing, from its package.json (dist/cli/commands → the package root). */
function runningVersion(): string {
  const packageJson = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}

/** A public key file is two short lines: anything larger is not one. */
const MAX_KEY_FILE_BYTES = 1024;

function readKeyFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw usageError(`there is no file ${file}`, 'noSuchFile', { name: file });
  }
  if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES)
    throw usageError(`${file} is not a minisign public key file`, 'badReleaseKey');
  return fs.readFileSync(file, 'utf8');
}

export const verifyReleaseCommand = defineCommand({
  name: ['verify-release'],
  summary: 'check that an installer is a genuine Crossing release, offline',
  usage: 'INSTALLER [--sums FILE] [--sig FILE] [--key FILE] [--json]',
  help: `Checks an installer against the ${SUMS_FILE} of its release and that list's signature by Crossing's
release key ${RELEASE_KEY_ID}, which is built into this program: no network is used. Prints
"genuine Crossing X.Y.Z" and whether it is newer than this copy, or exits with 3 and says exactly why
not (no signature, signed by another key, list or installer changed, not in the list, or an older
version than this one). Debian's minisign checks the same files:
  minisign -V -m ${SUMS_FILE} -P ${RELEASE_PUBLIC_KEY}

  --sums FILE                the release's ${SUMS_FILE} (default: the one beside the installer)
  --sig FILE                 its minisign signature (default: the sums file's name + .minisig,
                             i.e. ${SIGNATURE_FILE})
  --key FILE                 check against the minisign public key in FILE instead of Crossing's
                             release key (for a build of your own; says so on every run)
  --json                     print the whole verdict as JSON`,
  options: {
    sums: { type: 'string' },
    sig: { type: 'string' },
    key: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['INSTALLER'],
  async run(values, [installer]) {
    const trustedKey = values.key === undefined ? undefined : readKeyFile(values.key);
    const verdict = await verifyRelease({
      installer: installer!,
      sums: values.sums,
      signature: values.sig,
      runningVersion: runningVersion(),
      trustedKey,
    });
    if (values.key !== undefined) {
      printNotice(
        `NOTE: checked against the key in ${values.key} (${verdict.keyId}), NOT Crossing's release key ${RELEASE_KEY_ID}.`,
      );
    }
    if (values.json) printJson(verdict);
    if (!verdict.genuine) {
      throw rejectedError(
        `not a genuine Crossing installer: refused by the ${verdict.check} check: ${verdict.reason}.`,
        'notGenuineInstaller',
      );
    }
    if (!values.json) printLine(verdict.reason);
  },
});
