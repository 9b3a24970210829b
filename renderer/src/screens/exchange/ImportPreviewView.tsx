import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { fieldOfKey } from '../../describeValue';
import { formatDate, formatDateTime, shortCaseId, shortFingerprint } from '../../format';
import { formatFileSize } from '../case/files/formatFileSize';
import { describeReason } from '../duplicates/describeReason';

/**
 * What a file would change: new cases, updated fields, new conflicts; and who sent it. Headed by
 * what the file is (an export, a hand-off, a receipt, a backup); cases handed back to this vault and
 * answers to its hand-offs come first.
 */
export function ImportPreviewView({ preview }: { preview: ChannelResult<'previewImport'> }) {
  const { t } = useTranslation();
  const sender = preview.sender;
  const senderState = !sender.known ? 'unknown' : sender.verified ? 'verified' : 'unverified';
  const senderName = sender.name ?? shortFingerprint(sender.fingerprint);
  // A case handed back is listed as coming back, not again as a new case.
  const returning = new Set(preview.returns.map((r) => r.caseId));
  const newCases = preview.newCases.filter((c) => !returning.has(c.id));
  return (
    <div className="import-preview stack" aria-label={t('exchange.previewTitle')}>
      <h3>{t(`exchange.kind.${preview.kind}`)}</h3>
      {preview.kind === 'handoff' && !preview.alreadyImportedAt ? (
        <p>{t('exchange.handoffIntro', { name: senderName })}</p>
      ) : null}
      {preview.returns.length ? (
        <div className="alert alert-info stack import-returns">
          <h4>{t('exchange.returnsTitle', { count: preview.returns.length })}</h4>
          <ul className="plain-list">
            {preview.returns.map((r) => (
              <li key={r.caseId}>
                <strong>{r.alias}</strong>:{' '}
                {t('exchange.returnLine', { name: r.handedTo, date: formatDate(r.handedOn), count: r.changes })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.receipts.length ? (
        <div className="stack import-receipts">
          <h4>{t('exchange.receiptsTitle')}</h4>
          <ul className="plain-list">
            {preview.receipts.map((r) => {
              const alias = r.alias ?? t('exchange.caseStub', { id: shortCaseId(r.caseId) });
              return (
                <li key={`${r.handoffId}-${r.caseId}`}>
                  {r.outcome === 'accepted'
                    ? t('exchange.receiptAccepted', { name: r.to, alias })
                    : t('exchange.receiptDeclined', { name: r.to, alias, reason: r.reason ?? '' })}
                  {r.isNew ? null : <span className="muted"> ({t('exchange.receiptKnown')})</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('exchange.sender')}</dt>
        <dd>
          {senderName}{' '}
          <span className={`badge trust-${senderState === 'unknown' ? 'changed' : senderState}`}>
            {t(`exchange.senderState.${senderState}`)}
          </span>
        </dd>
        <dt>{t('exchange.createdAt')}</dt>
        <dd>{formatDateTime(preview.createdAt)}</dd>
        {preview.senderChangeNumber !== null ? (
          <>
            <dt>{t('exchange.senderChangeNumber')}</dt>
            <dd>{preview.senderChangeNumber}</dd>
          </>
        ) : null}
        <dt>{t('exchange.ops')}</dt>
        <dd>{preview.ops}</dd>
        {preview.files > 0 ? (
          <>
            <dt>{t('exchange.files')}</dt>
            <dd>
              {t('files.count', { count: preview.files })}, {formatFileSize(preview.fileBytes, t)}
            </dd>
          </>
        ) : null}
        {preview.omitted.length ? (
          <>
            <dt>{t('exchange.omittedBySender')}</dt>
            <dd>{preview.omitted.map((f) => t(`field.${f}`)).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {preview.alreadyImportedAt ? (
        <p className="alert alert-info">
          {t('exchange.alreadyImported', { date: formatDateTime(preview.alreadyImportedAt) })}
        </p>
      ) : null}
      <div className="preview-grid">
        <div>
          <h4>{t('exchange.newCases', { count: newCases.length })}</h4>
          <ul className="plain-list">
            {newCases.map((c) => (
              <li key={c.id}>
                {c.alias}
                {c.lookalike ? (
                  <div className="small import-lookalike">
                    <span className="badge trust-changed">{t('exchange.lookalike', { alias: c.lookalike.alias })}</span>{' '}
                    <span className="muted">{c.lookalike.reasons.map((r) => describeReason(t, r)).join('; ')}</span>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t('exchange.updatedCases', { count: preview.updatedCases.length })}</h4>
          <ul className="plain-list">
            {preview.updatedCases.map((c) => (
              <li key={c.id}>
                {c.alias}: <span className="muted">{c.fields.map((f) => t(`field.${fieldOfKey(f)}`)).join(', ')}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t('exchange.newConflicts', { count: preview.newConflicts.length })}</h4>
          <ul className="plain-list">
            {preview.newConflicts.map((c) => (
              <li key={`${c.caseId}-${c.key}`}>
                {c.alias}: <span className="muted">{t(`field.${fieldOfKey(c.key)}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {preview.purgedSkipped ? (
        <p className="small muted">{t('exchange.purgedSkipped', { count: preview.purgedSkipped })}</p>
      ) : null}
    </div>
  );
}
