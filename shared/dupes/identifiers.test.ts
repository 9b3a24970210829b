import { describe, expect, it } from 'vitest';
import { contactKey, documentNumbers } from './identifiers.js';

describe('contactKey', () => {
  it('gives every way of writing a Russian number one key, whatever the channel', () => {
    const keys = [
      contactKey({ channel: 'phone', value: '+7 928 111-22-33' }),
      contactKey({ channel: 'phone', value: '89281112233' }),
      contactKey({ channel: 'whatsapp', value: '8 (928) 111 22 33' }),
      contactKey({ channel: 'signal', value: '9281112233' }),
    ];
    expect(new Set(keys)).toEqual(new Set(['phone:79281112233']));
  });

  it('reads Telegram handles with or without @ and links', () => {
    expect(contactKey({ channel: 'telegram', value: '@Akhmed_Zh' })).toBe('telegram:akhmed_zh');
    expect(contactKey({ channel: 'telegram', value: 'https://t.me/akhmed_zh' })).toBe('telegram:akhmed_zh');
  });

  it('gives nothing for values too short to identify anyone', () => {
    expect(contactKey({ channel: 'telegram', value: '@a' })).toBeNull();
    expect(contactKey({ channel: 'phone', value: '112' })).toBeNull();
  });
});

describe('documentNumbers', () => {
  it('joins digit groups and ignores short numbers', () => {
    expect(documentNumbers({ note: 'passport 45 12 345678, issued 2019' })).toEqual(['4512345678']);
    expect(documentNumbers({ note: 'application 77-451290' })).toEqual(['77451290']);
    expect(documentNumbers({ note: null })).toEqual([]);
  });
});
