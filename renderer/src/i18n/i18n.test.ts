import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../../../shared/errors';
import { contract } from '../../../shared/ipc/contract';
import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded: `cases.count_one` and `cases.count_many` are both `cases.count`. */
const baseKeys = (tree: Tree) => new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL, '')));

describe('translations', () => {
  const languages = { en: en as Tree, ru: ru as Tree };

  it('English and Russian have exactly the same keys', () => {
    const enKeys = baseKeys(languages.en);
    const ruKeys = baseKeys(languages.ru);
    expect(
      [...enKeys].filter((k) => !ruKeys.has(k)),
      'missing in ru',
    ).toEqual([]);
    expect(
      [...ruKeys].filter((k) => !enKeys.has(k)),
      'missing in en',
    ).toEqual([]);
  });

  it('explain every protection and every reason main can report about this platform', () => {
    const item = contract.platformProtections.result.shape.protections.element.shape;
    const keys = [
      ...item.id.options.map((id) => `settings.protections.names.${id}`),
      ...item.reason.unwrap().options.map((reason) => `settings.protections.reasons.${reason}`),
    ];
    for (const tree of Object.values(languages)) {
      const present = new Set(leaves(tree).keys());
      expect(keys.filter((key) => !present.has(key))).toEqual([]);
    }
  });

  it('say in both languages every error code and every reason the vault can give', () => {
    const keys = [
      ...Object.keys(ERROR_CODES).map((code) => `errors.${code}`),
      ...ERROR_REASONS.map((reason) => `errors.reasons.${reason}`),
      'errors.unexplained',
      'errors.details',
    ];
    for (const [lang, tree] of Object.entries(languages)) {
      const present = new Set(leaves(tree).keys());
      expect(
        keys.filter((key) => !present.has(key)),
        lang,
      ).toEqual([]);
    }
  });

  it('no translation is empty', () => {
    for (const [lang, tree] of Object.entries(languages)) {
      const empty = [...leaves(tree)].filter(([, v]) => !v.trim()).map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('every plural has each form its language needs', () => {
    for (const [lang, tree] of Object.entries(languages)) {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const keys = new Set(leaves(tree).keys());
      const plurals = new Set([...keys].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const missing = [...plurals].flatMap((base) =>
        forms.filter((f) => !keys.has(`${base}_${f}`)).map((f) => `${lang}:${base}_${f}`),
      );
      expect(missing).toEqual([]);
    }
  });

  it('both languages use the same interpolation variables', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enLeaves = leaves(languages.en);
    const ruLeaves = leaves(languages.ru);
    const mismatched: string[] = [];
    for (const [key, value] of enLeaves) {
      const base = key.replace(PLURAL, '');
      const ruValue = ruLeaves.get(key) ?? ruLeaves.get(`${base}_other`);
      if (ruValue !== undefined && JSON.stringify(vars(value)) !== JSON.stringify(vars(ruValue))) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });
});
