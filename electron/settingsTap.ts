import { DEFAULT_SETTINGS, settingsSchema, type Channel, type Settings } from '../shared/ipc/contract.js';
import { type Forward } from './ipcRelay.js';

/** The answers that carry the current settings (the vault process owns them; main only listens). */
function settingsIn(channel: Channel, response: unknown): unknown {
  const answer = response as { ok?: boolean; value?: { settings?: unknown } } | null;
  if (answer?.ok !== true) return undefined;
  if (channel === 'getSettings' || channel === 'updateSettings') return answer.value;
  if (channel === 'getAppState') return answer.value?.settings;
  return undefined;
}

/**
 * Wraps the relay so main learns the auto-lock time and the panic shortcut from the answers it passes
 * on, without a channel of its own.
 */
export function settingsTap(forward: Forward, onSettings: (settings: Settings) => void): Forward {
  return async (channel, args) => {
    const response = await forward(channel, args);
    const parsed = settingsSchema.safeParse(settingsIn(channel, response));
    if (parsed.success) onSettings(parsed.data);
    return response;
  };
}

export const initialSettings = (): Settings => ({ ...DEFAULT_SETTINGS });
