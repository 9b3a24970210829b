import fs from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../crypto/random.js';
import { makeTempDir } from '../testing/tempDir.js';
import type { Vault } from '../vault/vault.js';
import { BUNDLE_FORMAT, bundleBytes, bundleSender, signBundle, type Bundle } from './bundle.js';
import { readAgeHeader } from './ageHeader.js';
import { exportCases } from './exportCases.js';
import { importSealedBytes, importSealedFile } from './importSealedFile.js';
import { ImportRefusedError, type ImportCheck } from './openBundle.js';
import { encryptToRecipients, padPlaintext } from './seal.js';
import { decryptAgeFile } from './seal.js';
import { casesSnapshot, introduce, makeVault, rowsSnapshot } from './testing/fixtures.js';

/**
 * Every damaged, misaddressed or forged file is refused with the check that caught it named,
 * and the vault is exactly as it was (every stored row byte for byte).
 */
let dir: string;
let cleanup: () => void;
let alice: Vault;
let bob: Vault;
let carol: Vault;
let valid: Uint8Array;

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('crossing-tamper-'));
  alice = await makeVault(dir, 'Alice');
  bob = await makeVault(dir, 'Bob');
  carol = await makeVault(dir, 'Carol');
  introduce(alice, bob);
  introduce(alice, carol);
  introduce(bob, carol);
  for (let i = 0; i < 40; i++) {
    const c = alice.addCase({ alias: `Case ${i}`, legalName: `Legal ${i}`, stage: 'shelter' });
    alice.addNote(c.id, `note ${i} `.repeat(200));
  }
  // Two recipients, so that there are two stanzas to damage; big enough for several payload chunks.
  const out = path.join(dir, 'valid.crossing');
  await exportCases(alice, { to: ['Bob', 'Carol'], cases: 'all', outFile: out });
  valid = new Uint8Array(fs.readFileSync(out));
});

afterAll(() => {
  alice.lock();
  bob.lock();
  carol.lock();
  cleanup();
});

async function expectRefused(vault: Vault, file: Uint8Array, checks: ImportCheck[], options = {}): Promise<void> {
  const rows = rowsSnapshot(vault);
  const error = await importSealedBytes(vault, file, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  expect(checks).toContain((error as ImportRefusedError).check);
  expect((error as Error).message).toMatch(/^refused by the \w+ check: /);
  expect(rowsSnapshot(vault)).toBe(rows);
}

describe('a damaged file is refused and changes nothing', () => {
  it('the untouched file imports (the baseline is valid)', async () => {
    const scratch = await makeVault(dir, 'Bob', { file: 'bob-baseline' });
    // Not addressed to this vault: proves the rest of this suite starts from a file that opens.
    await expectRefused(scratch, valid, ['decrypt']);
    scratch.lock();
    const plain = await decryptAgeFile(valid, bob.revealAgeIdentity());
    expect(plain.length).toBeGreaterThan(64 * 1024);
  });

  it('flipping a bit anywhere: header, each stanza, MAC, payload start, middle, last chunk', async () => {
    const header = readAgeHeader(valid);
    const text = Buffer.from(valid.subarray(0, header.headerLength)).toString('latin1');
    const stanzaStarts = [...text.matchAll(/-> /g)].map((m) => m.index!);
    expect(stanzaStarts).toHaveLength(2);
    const positions = new Set<number>([
      0, // version line
      10,
      stanzaStarts[0]! + 3, // first stanza type
      stanzaStarts[0]! + 20, // first stanza argument
      stanzaStarts[0]! + 70, // first stanza body
      stanzaStarts[1]! + 20,
      stanzaStarts[1]! + 70, // second stanza body
      header.headerLength - 10, // MAC
      header.headerLength + 3, // payload nonce
      header.headerLength + 40, // first chunk
      Math.floor(valid.length / 2),
      valid.length - 70_000, // second to last chunk
      valid.length - 200, // last chunk
      valid.length - 1, // last tag byte
    ]);
    for (let i = 0; i < 16; i++) positions.add(Math.floor(((i + 0.5) / 16) * valid.length));
    for (const position of positions) {
      const damaged = valid.slice();
      damaged[position]! ^= 0x01;
      await expectRefused(bob, damaged, ['format', 'decrypt', 'integrity', 'passphrase']);
    }
    expect(bob.caseCount).toBe(0);
  });

  it('truncated at any length, or with bytes appended', async () => {
    for (const length of [
      0,
      1,
      20,
      100,
      readAgeHeader(valid).headerLength,
      valid.length - 65_552,
      valid.length - 17,
      valid.length - 1,
    ]) {
      await expectRefused(bob, valid.slice(0, length), ['format', 'integrity']);
    }
    for (const extra of [[0], [0x0a], Array.from({ length: 100 }, () => 0x41)]) {
      const longer = new Uint8Array(valid.length + extra.length);
      longer.set(valid);
      longer.set(extra, valid.length);
      await expectRefused(bob, longer, ['integrity']);
    }
  });

  it('a file over the size limit is refused before it is read', async () => {
    const out = path.join(dir, 'valid-copy.crossing');
    fs.writeFileSync(out, valid);
    const rows = rowsSnapshot(bob);
    await expect(importSealedFile(bob, out, { maxBytes: 1000 })).rejects.toMatchObject({ check: 'size' });
    expect(rowsSnapshot(bob)).toBe(rows);
  });

  it('a passphrase-encrypted file is refused before any key is tried', async () => {
    const encrypter = new Encrypter();
    encrypter.setPassphrase('a passphrase someone chose');
    encrypter.setScryptWorkFactor(10);
    await expectRefused(bob, await encrypter.encrypt(new Uint8Array(100)), ['passphrase']);
  });
});

describe('misaddressed and forged files', () => {
  it('a file for other recipients does not decrypt here', async () => {
    const dave = await makeVault(dir, 'Dave');
    introduce(alice, dave);
    await expectRefused(dave, valid, ['decrypt']);
    dave.lock();
  });

  it('a forward: a recipient re-encrypts the signed bundle to someone the sender did not name', async () => {
    const dave = await makeVault(dir, 'Dave', { file: 'dave-2' });
    introduce(alice, dave);
    introduce(bob, dave);
    const plaintext = await decryptAgeFile(valid, bob.revealAgeIdentity());
    const forwarded = await encryptToRecipients(plaintext, [dave.me.ageRecipient]);
    await expectRefused(dave, forwarded, ['recipients']);
    dave.lock();
  });

  it('an unknown sender is refused unless accepted', async () => {
    const eve = await makeVault(dir, 'Eve');
    eve.addCase({ alias: 'Planted' });
    const out = path.join(dir, 'eve.crossing');
    const { addContact, myKeyCard } = await import('./contacts.js');
    addContact(eve, myKeyCard(bob), { verified: true });
    await exportCases(eve, { to: ['Bob'], cases: 'all', outFile: out });
    const file = new Uint8Array(fs.readFileSync(out));
    await expectRefused(bob, file, ['sender']);
    const accepted = await importSealedBytes(bob, file, { acceptUnknownSender: true, dryRun: true });
    expect(accepted.sender.contactName).toBeNull();
    expect(accepted.newCases.map((c) => c.alias)).toEqual(['Planted']);
    eve.lock();
  });

  async function forge(mutate: (bundle: Bundle) => void, signer: Vault = alice): Promise<Uint8Array> {
    const me = signer.me;
    const bundle: Bundle = {
      format: BUNDLE_FORMAT,
      kind: 'export',
      exportId: randomId(),
      sender: bundleSender(me),
      recipients: [bob.me.fingerprint],
      createdAt: new Date().toISOString(),
      sequence: 1000,
      omitted: [],
      ops: [...alice.caseOps([...alice.allCases()][0]!.id)],
    };
    mutate(bundle);
    const signed = signBundle(bundleBytes(bundle), signer.signingKeys().secretKey);
    return encryptToRecipients(padPlaintext(signed), [bob.me.ageRecipient]);
  }

  it('a validly signed bundle holding an invalid op is refused as a whole', async () => {
    const file = await forge((b) => {
      b.ops = [
        ...b.ops,
        { ...(b.ops[0] as object), id: randomId(), type: 'set', fields: { stage: 'nowhere' }, prev: {} },
      ];
    });
    await expectRefused(bob, file, ['ops']);
    expect(casesSnapshot(bob)).toBe('[]');
  });

  it('a bundle signed by one key but claiming another sender is refused by the signature check', async () => {
    const file = await forge(() => undefined, carol); // Carol's key signs, the bundle names Carol…
    const claimsAlice = await forge((b) => {
      b.sender = { ...b.sender, signPublicKey: carol.me.signPublicKey };
    }); // …this one names Alice's fingerprint with Carol's key, signed by Alice.
    await expectRefused(bob, claimsAlice, ['signature']);
    expect((await importSealedBytes(bob, file, { dryRun: true })).sender.contactName).toBe('Carol');
  });

  it('a sender name that carries terminal escapes or text-direction overrides is refused', async () => {
    for (const name of ['Alice\u001b]0;pwned\u0007', 'Ali\u202Ece', 'Alice\u009b2J']) {
      const file = await forge((b) => {
        b.sender = { ...b.sender, displayName: name };
      });
      await expectRefused(bob, file, ['format']);
    }
  });

  it('a changed sender key: signed by a new key under a known name', async () => {
    const newAlice = await makeVault(dir, 'Alice', { file: 'alice-2' });
    const file = await forge(() => undefined, newAlice);
    await expectRefused(bob, file, ['sender'], { acceptUnknownSender: true });
    newAlice.lock();
  });
});

describe('after every refusal', () => {
  it('the untouched file still imports in full', async () => {
    const report = await importSealedBytes(bob, valid);
    expect(report.status).toBe('imported');
    expect(report.newCases).toHaveLength(40);
    expect(casesSnapshot(bob)).toBe(casesSnapshot(alice));
  });
});
