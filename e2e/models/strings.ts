import fs from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };
const read = (lang: 'en' | 'ru') =>
  JSON.parse(fs.readFileSync(path.resolve(`renderer/src/i18n/${lang}.json`), 'utf8')) as Tree;
const TREES = { en: read('en'), ru: read('ru') };

/**
 * The UI's own English wording, read from its translation file, so specs find controls by the
 * labels a person sees and do not break when a label is reworded. Specs run the app in English.
 */
export function en(key: string, values: Record<string, string | number> = {}): string {
  return say('en', key, values);
}

/** The UI's wording in either language, with that language's plural form for `count`. */
export function say(lang: 'en' | 'ru', key: string, values: Record<string, string | number> = {}): string {
  const plural =
    typeof values.count === 'number'
      ? `_${new Intl.PluralRules(lang === 'ru' ? 'ru' : 'en').select(values.count)}`
      : '';
  const found = lookup(TREES[lang], `${key}${plural}`) ?? lookup(TREES[lang], key);
  if (typeof found !== 'string') throw new Error(`no ${lang} string ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}
