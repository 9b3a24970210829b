import { events, type EventName } from '../shared/ipc/contract.js';
import { type DialogPort } from '../shared/service/index.js';
import { DIALOG_METHODS, type FromVault, type ToVault } from './vaultMessages.js';

export interface InboxHandlers {
  dialogs: DialogPort;
  emit: (event: EventName, payload: unknown) => void;
  settle: (id: number, value: unknown) => void;
}

/**
 * What main does with a message from the vault process: settles a reply, passes on an event the
 * contract knows (with a valid payload, nothing else reaches the UI), or shows the native dialog it asks
 * for and sends back the chosen path (null when cancelled or when the dialog failed).
 */
export function vaultInbox({ dialogs, emit, settle }: InboxHandlers) {
  return (reply: (message: ToVault) => void, message: FromVault): void => {
    if (message.type === 'reply') settle(message.id, message.value);
    if (message.type === 'event' && Object.hasOwn(events, message.event)) {
      const checked = events[message.event].safeParse(message.payload);
      if (checked.success) emit(message.event, checked.data);
    }
    if (message.type === 'dialog' && DIALOG_METHODS.includes(message.method)) {
      const show = dialogs[message.method] as (...args: unknown[]) => Promise<string | string[] | null>;
      show(...message.args)
        .catch(() => null)
        .then((answer) =>
          reply(
            Array.isArray(answer)
              ? { type: 'dialogAnswer', id: message.id, paths: answer }
              : { type: 'dialogAnswer', id: message.id, path: answer },
          ),
        );
    }
  };
}
