import type { CaseDocument, Contact } from '../model/case.js';

/**
 * Contacts and document numbers as comparable keys. People write one phone number many ways
 * (+7 928 111-22-33, 8 928 111 22 33, 89281112233); a Telegram handle with or without @ or t.me/.
 */
export function contactKey(contact: Pick<Contact, 'channel' | 'value'>): string | null {
  const value = contact.value.trim().toLowerCase();
  const digits = value.replace(/\D/g, '');
  const phoneLike = /^[+\d\s().-]+$/.test(value) && digits.length >= 7;
  // The same number is the same person whether it was noted for calls, WhatsApp or Signal.
  if (phoneLike) return `phone:${normalizePhone(digits)}`;
  if (contact.channel === 'telegram') {
    const handle = value.replace(/^(https?:\/\/)?(t\.me\/|telegram\.me\/)/, '').replace(/^@/, '');
    return handle.length >= 3 ? `telegram:${handle}` : null;
  }
  if (contact.channel === 'email') return value.includes('@') ? `email:${value}` : null;
  return value.length >= 5 ? `${contact.channel}:${value}` : null;
}

/** Russian numbers: a leading 8 is the trunk prefix of +7, and ten digits starting with 9 are a mobile. */
export function normalizePhone(digits: string): string {
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}

/**
 * Document numbers written in a document's note ("application 77-451290", "passport 45 12 345678"):
 * groups of digits joined, at least six digits long, so that dates and counts are not taken.
 */
export function documentNumbers(document: Pick<CaseDocument, 'note'>): string[] {
  if (!document.note) return [];
  const joined = document.note.replace(/(\d)[\s-]+(?=\d)/g, '$1');
  return [...new Set(joined.match(/\d{6,}/g) ?? [])];
}
