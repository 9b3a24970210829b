import { displayNameSchema } from '../identity/identity.js';

/**
 * Names that come from other people (key cards, bundle senders, names a person gives a contact)
 * end up on screens and terminals. Besides what every display name refuses (C0 controls), these
 * refuse C1 controls (a terminal may read U+009B as an escape) and bidirectional overrides and
 * isolates, with which "Bob" can be made to look like another name (Trojan Source).
 */
export const personNameSchema = displayNameSchema.refine(
  (name) => !/[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name),
  { message: 'must not hold control or text-direction characters' },
);
