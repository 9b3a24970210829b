/**
 * The AEAD test vector of RFC 8439 §2.8.2 (ChaCha20-Poly1305, IETF variant). The ChaCha20-Poly1305
 * layer runs it before trusting the platform's cipher; the tests run it on every backend.
 */
const hex = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

export interface AeadVector {
  key: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
  plaintext: Uint8Array;
  /** Ciphertext followed by the 16-byte tag. */
  sealed: Uint8Array;
}

export const RFC8439_AEAD_VECTOR: Readonly<AeadVector> = Object.freeze({
  key: hex('808182838485868788898a8b8c8d8e8f 909192939495969798999a9b9c9d9e9f'),
  nonce: hex('07000000 4041424344454647'),
  aad: hex('50515253c0c1c2c3c4c5c6c7'),
  plaintext: new TextEncoder().encode(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  ),
  sealed: hex(`
    d31a8d34648e60db7b86afbc53ef7ec2 a4aded51296e08fea9e2b5a736ee62d6
    3dbea45e8ca9671282fafb69da92728b 1a71de0a9e060b2905d6a5b67ecd3b36
    92ddbd7f2d778b8c9803aee328091b58 fab324e4fad675945585808b4831d7bc
    3ff4def08e4b7a9de576d26586cec64b 6116
    1ae10b594f09e26a7e902ecbd0600691`),
});
