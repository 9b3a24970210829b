import { useTranslation } from 'react-i18next';
import type { ChannelResult, Settings } from '../../../shared/ipc/contract';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CreateVaultForm } from './gate/CreateVaultForm';
import { UnlockForm } from './gate/UnlockForm';

type Props = {
  state: ChannelResult<'getAppState'>;
  settings: Settings;
  reason?: string | undefined;
  onUpdateSettings: (patch: Partial<Settings>) => Promise<void>;
  onOpened: () => void;
};

/** What a locked app shows: create a vault when there is none, otherwise unlock it. */
export function LockedGate({ state, settings, reason, onUpdateSettings, onOpened }: Props) {
  const { t } = useTranslation();
  return (
    <main className="gate">
      <div className="gate-card">
        <div className="gate-head">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>Crossing</span>
          </div>
          <LanguageSwitch value={settings.language} onChange={(language) => void onUpdateSettings({ language })} />
        </div>
        {reason && reason !== 'user' ? (
          <p className="alert alert-info" role="status">
            {t(`gate.lockedBy.${reason}`)}
          </p>
        ) : null}
        {state.vaultExists ? (
          <UnlockForm vaultPath={state.vaultPath} attemptsLeft={state.attemptsLeft} onOpened={onOpened} />
        ) : (
          <CreateVaultForm onOpened={onOpened} />
        )}
      </div>
    </main>
  );
}
