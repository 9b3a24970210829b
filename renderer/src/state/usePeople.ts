import { useCallback, useEffect, useState } from 'react';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { api } from '../api';
import { shortFingerprint } from '../format';
import { useApp } from './app';

export type ContactEntry = ChannelResult<'listContacts'>['contacts'][number];

/** This vault's contacts, and a way to name a key fingerprint ("me", a contact's name, or its short form). */
export function usePeople() {
  const { me } = useApp();
  const [contacts, setContacts] = useState<ContactEntry[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api.listContacts({}).then(
      (r) => live && setContacts(r.contacts),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tick]);
  const nameOf = useCallback(
    (fingerprint: string | null | undefined): string => {
      if (!fingerprint) return '—';
      if (fingerprint === me.fingerprint) return me.displayName;
      return contacts.find((c) => c.fingerprint === fingerprint)?.name ?? shortFingerprint(fingerprint);
    },
    [contacts, me],
  );
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { contacts, nameOf, reload };
}
