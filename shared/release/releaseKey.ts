/**
 * Crossing's release key, pinned in the app: installers are verified against this key and no other,
 * so an update handed over on a USB stick or in a chat can be checked offline from inside the app.
 * The same line works with Debian's minisign: `minisign -V -P <RELEASE_PUBLIC_KEY> -m SHA256SUMS`.
 * The secret half never enters the repository; the release step reads it from CROSSING_RELEASE_KEY.
 */
export const RELEASE_PUBLIC_KEY = 'RWQAYC1TpgVWd2iM6GIu3NFQzQEi6l5hjNSy5SoxkUgqHcR5PqJwda4v';

/** Its key id as minisign prints it (`minisign public key 775605A6532D6000`): the fingerprint shown in About. */
export const RELEASE_KEY_ID = '775605A6532D6000';

/** The files a signed release carries beside its installers. */
export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = `${SUMS_FILE}.minisig`;
