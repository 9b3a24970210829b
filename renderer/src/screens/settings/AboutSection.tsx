import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api, asApiError, type ApiError } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useAsync } from '../../state/useAsync';

type Verdict = ChannelResult<'verifyRelease'>;

/**
 * Settings → About: what this copy of Crossing is and runs on, the release key it trusts, and a
 * check of an installer someone handed over (USB stick, chat) before it is installed, offline.
 */
export function AboutSection() {
  const { t } = useTranslation();
  const about = useAsync(() => api.getAbout({}), []);
  return (
    <div className="two-col about">
      <section className="panel stack" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        <ErrorNote error={about.error} />
        {about.data ? (
          <dl className="facts">
            <dt>{t('about.appVersion')}</dt>
            <dd className="mono">{about.data.appVersion}</dd>
            <dt>Electron</dt>
            <dd className="mono">{about.data.electron ?? t('about.notElectron')}</dd>
            <dt>Chromium</dt>
            <dd className="mono">{about.data.chromium ?? t('about.notElectron')}</dd>
            <dt>Node.js</dt>
            <dd className="mono">{about.data.node}</dd>
            <dt>{t('about.releaseKey')}</dt>
            <dd>
              <span className="mono" data-testid="release-key-id">
                {about.data.releaseKeyId}
              </span>
            </dd>
          </dl>
        ) : null}
        <p className="small muted">{t('about.releaseKeyHint')}</p>
        {about.data ? (
          <code className="mono small break-all command">
            minisign -V -m SHA256SUMS -P {about.data.releasePublicKey}
          </code>
        ) : null}
      </section>
      <VerifyInstaller />
    </div>
  );
}

function VerifyInstaller() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const choose = async () => {
    setError(null);
    try {
      const { file } = await api.chooseInstaller({});
      if (!file) return;
      setVerdict(null);
      setBusy(file.name);
      setVerdict(await api.verifyRelease({ token: file.token }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel stack" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('about.verify.title')}</h2>
      <p className="small muted">{t('about.verify.intro')}</p>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void choose()}>
          {t('about.verify.choose')}
        </button>
      </div>
      {busy !== null ? (
        <p role="status" className="small">
          {t('about.verify.checking', { file: busy })}
        </p>
      ) : null}
      <ErrorNote error={error} />
      {verdict ? <VerdictView verdict={verdict} /> : null}
    </section>
  );
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const values = {
    file: verdict.fileName,
    version: verdict.version ?? '',
    running: verdict.runningVersion,
    keyId: verdict.keyId,
    signedBy: verdict.signedBy ?? '',
    listedAs: verdict.listedAs ?? '',
  };
  const title = verdict.genuine
    ? t('about.verify.genuine', values)
    : verdict.check === 'version'
      ? t('about.verify.older', values)
      : t('about.verify.refused', values);
  const detail = verdict.genuine
    ? t(`about.verify.relation.${verdict.relation === 'newer' ? 'newer' : 'same'}`, values)
    : t(`about.verify.checks.${verdict.check ?? 'signed'}`, values);
  return (
    <div
      className={`alert stack verdict ${verdict.genuine ? 'alert-ok' : 'alert-error'}`}
      role={verdict.genuine ? 'status' : 'alert'}
      data-verdict={verdict.genuine ? 'genuine' : verdict.check}
    >
      <strong>{title}</strong>
      <span>{detail}</span>
      {verdict.genuine && verdict.listedAs !== verdict.fileName ? (
        <span className="small">{t('about.verify.renamed', values)}</span>
      ) : null}
      <details className="small">
        <summary>{t('about.verify.details')}</summary>
        <dl className="facts">
          <dt>{t('about.verify.file')}</dt>
          <dd className="break-all">{verdict.fileName}</dd>
          {verdict.sha256 ? (
            <>
              <dt>SHA-256</dt>
              <dd className="mono break-all">{verdict.sha256}</dd>
            </>
          ) : null}
          {verdict.signedBy ? (
            <>
              <dt>{t('about.verify.signedBy')}</dt>
              <dd className="mono">{verdict.signedBy}</dd>
            </>
          ) : null}
          <dt>{t('about.verify.report')}</dt>
          <dd lang="en">{verdict.reason}</dd>
        </dl>
      </details>
    </div>
  );
}
