import { useEffect, useState } from 'react';
import { onVaultChanged } from '../api';

/** A number that grows after every change to the vault made from this window: a dependency for lists. */
export function useVaultVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onVaultChanged(() => setVersion((v) => v + 1)), []);
  return version;
}
