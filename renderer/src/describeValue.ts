import type { TFunction } from 'i18next';
import { countryName, formatDay } from './format';

const ENUM_PREFIX: Record<string, string> = {
  stage: 'stage',
  risk: 'risk',
  passport: 'passport',
  internalPassport: 'passport',
  gender: 'gender',
  closedReason: 'closedReason',
  refugeRoute: 'route',
  threats: 'threat',
  needs: 'need',
};

/** The field a history or conflict key names: `stage`, or `tasks` for `tasks/abc123`. */
export const fieldOfKey = (key: string) => key.split(/[^A-Za-z]/)[0] ?? key;

/** A stored value as a person reads it, in the current language. Always plain text, never markup. */
export function describeValue(t: TFunction, key: string, value: unknown, nameOf: (fp: string) => string): string {
  const field = fieldOfKey(key);
  if (value === null || value === undefined || value === '') return '—';
  const prefix = ENUM_PREFIX[field];
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    return value.map((v) => (prefix ? t(`${prefix}.${String(v)}`) : String(v))).join(', ');
  }
  if (prefix && typeof value === 'string') return t(`${prefix}.${value}`);
  if (field === 'refugeCountry' && typeof value === 'string') return countryName(value);
  if (field === 'assignedTo' && typeof value === 'string') return nameOf(value);
  if (typeof value === 'object') {
    const item = value as Record<string, unknown>;
    if ('channel' in item)
      return `${t(`channel.${String(item.channel)}`)}: ${String(item.value)}${item.safetyNote ? ` (${String(item.safetyNote)})` : ''}`;
    if ('sha256' in item)
      return `${t(`evidenceKind.${String(item.kind)}`)}: ${String(item.name)}${item.caption ? ` (${String(item.caption)})` : ''}`;
    if ('kind' in item)
      return `${t(`docKind.${String(item.kind)}`)} — ${t(`docStatus.${String(item.status)}`)}${item.expiresOn ? ` · ${formatDay(String(item.expiresOn))}` : ''}`;
    if ('text' in item)
      return `${String(item.text)}${item.due ? ` · ${formatDay(String(item.due))}` : ''}${item.done ? ' ✓' : ''}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** A clock value's wall time ("000001718000000000-0000-…" → ms). */
export const hlcTime = (hlc: string) => Number(hlc.slice(0, 15));
