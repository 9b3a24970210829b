import { Encrypter, type Recipient } from 'age-encryption';
import { writeStreamAtomically } from '../files/atomicWrite.js';
import { readAgeHeader } from './ageHeader.js';
import { AgeStreamSealer } from './ageStream.js';
import { PAD_BYTE } from './seal.js';

/**
 * Writes an age file of any size without holding it: the age library makes the header (its
 * recipients wrap the file key into stanzas and it computes the header MAC), and the payload is
 * sealed here, chunk by chunk, as the plaintext comes (ageStream.ts). The result is an ordinary age
 * file: the `age` command decrypts it.
 */
export interface AgeHeader {
  header: Uint8Array;
  fileKey: Uint8Array;
}

/**
 * A header for a fresh file key. A recipient that wraps nothing sees the file key as the library
 * passes it to every recipient; the real recipients make the stanzas. The library's own payload
 * (of an empty input) is cut off and dropped.
 */
export async function ageHeaderFor(recipients: readonly string[]): Promise<AgeHeader> {
  if (recipients.length === 0) throw new Error('an age file needs at least one recipient');
  let fileKey: Uint8Array | undefined;
  const witness: Recipient = {
    wrapFileKey(key: Uint8Array) {
      fileKey = Uint8Array.from(key);
      return [];
    },
  };
  const encrypter = new Encrypter();
  encrypter.addRecipient(witness);
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const empty = await encrypter.encrypt(new Uint8Array(0));
  if (!fileKey) throw new Error('the age library did not pass the file key to its recipients');
  const { headerLength } = readAgeHeader(empty);
  return { header: empty.slice(0, headerLength), fileKey };
}

/**
 * Writes `length` bytes of plaintext, given in pieces, then spaces up to `paddedLength`, as an age
 * file to these recipients: atomically (temp file, fsync, rename), the temp file removed on any
 * failure, including pieces that do not add up to `length`. Returns the file's size.
 */
export async function writeAgeFile(
  outFile: string,
  recipients: readonly string[],
  plaintext: { length: number; paddedLength: number; pieces: Iterable<Uint8Array> },
): Promise<number> {
  const { header, fileKey } = await ageHeaderFor(recipients);
  try {
    return writeStreamAtomically(outFile, (write) => {
      write(header);
      const sealer = new AgeStreamSealer(fileKey, plaintext.paddedLength, write);
      try {
        let written = 0;
        for (const piece of plaintext.pieces) {
          written += piece.length;
          if (written > plaintext.length) throw new Error('the content grew while it was written');
          sealer.push(piece);
        }
        if (written !== plaintext.length) throw new Error('the content shrank while it was written');
        pushPadding(sealer, plaintext.paddedLength - plaintext.length);
        sealer.finish();
      } finally {
        sealer.wipe();
      }
    });
  } finally {
    fileKey.fill(0);
  }
}

const SPACES = new Uint8Array(64 * 1024).fill(PAD_BYTE);

function pushPadding(sealer: AgeStreamSealer, count: number): void {
  for (let left = count; left > 0; left -= SPACES.length)
    sealer.push(SPACES.subarray(0, Math.min(left, SPACES.length)));
}
