import fs from 'node:fs';
import path from 'node:path';

type Tree = { [key: string]: string | Tree };
const EN = JSON.parse(fs.readFileSync(path.resolve('renderer/src/i18n/en.json'), 'utf8')) as Tree;

/**
 * The UI's own English wording, read from its translation file, so specs find controls by the
 * labels a person sees and do not break when a label is reworded. Specs run the app in English.
 */
export function en(key: string, values: Record<string, string | number> = {}): string {
  const plural = typeof values.count === 'number' ? (values.count === 1 ? '_one' : '_other') : '';
  const found = lookup(`${key}${plural}`) ?? lookup(key);
  if (typeof found !== 'string') throw new Error(`no English string ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

function lookup(key: string): string | Tree | undefined {
  let node: string | Tree | undefined = EN;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}
