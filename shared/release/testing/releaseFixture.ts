import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signSums, writeSums } from '../signRelease.js';

export interface FakeRelease {
  folder: string;
  installers: string[];
}

/**
 * A release folder as the release step leaves it: installers (random bytes standing in for
 * electron-builder's output), SHA256SUMS and, when a secret key file is given, its signature.
 */
export async function makeRelease(
  folder: string,
  options: { version: string; secretKeyFile?: string; platform?: string; names?: string[] },
): Promise<FakeRelease> {
  fs.mkdirSync(folder, { recursive: true });
  const names = options.names ?? [`Crossing-${options.version}.AppImage`, `crossing_${options.version}_amd64.deb`];
  const installers = names.map((name, i) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, crypto.randomBytes(4096 + i * 1000));
    return file;
  });
  await writeSums(folder);
  if (options.secretKeyFile) {
    await signSums(folder, {
      secretKey: fs.readFileSync(options.secretKeyFile, 'utf8'),
      version: options.version,
      platform: options.platform ?? 'linux',
    });
  }
  return { folder, installers };
}
