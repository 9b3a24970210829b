import { useTranslation } from 'react-i18next';
import type { ChannelResult } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDate, formatDateTime, shortCaseId } from '../../format';
import { useApp } from '../../state/app';
import { useAsync } from '../../state/useAsync';
import { useVaultVersion } from '../../state/useVaultVersion';
import { ReceiptNote, useReceipt } from './useReceipt';

type List = ChannelResult<'listHandoffs'>;
type Sent = List['sent'][number];

/**
 * Hand-offs: those made here, each with where its journey stands (sent, accepted, declined and
 * back, returned), and those received here, whose receipts can be saved again.
 */
export function HandoffsScreen() {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const version = useVaultVersion();
  const list = useAsync(() => api.listHandoffs({}), [version]);
  const receipt = useReceipt();
  const received = list.data?.received ?? [];
  const sent = list.data?.sent ?? [];
  const none = list.data !== null && sent.length === 0 && received.length === 0;
  return (
    <section className="screen-handoffs" aria-labelledby="handoffs-title">
      <header className="screen-head">
        <h1 id="handoffs-title">{t('handoffs.title')}</h1>
        <div className="spacer" />
        <button type="button" className="btn" onClick={() => navigate({ name: 'exchange', handOff: '' })}>
          {t('handoffs.goHandOff')}
        </button>
      </header>
      <p className="small muted">{t('handoffs.intro')}</p>
      <ErrorNote error={list.error} />
      <ReceiptNote receipt={receipt} />
      {none ? (
        <div className="empty">
          <div className="stack handoffs-empty">
            <p>{t('handoffs.empty')}</p>
            <p>{t('handoffs.emptyHow')}</p>
          </div>
        </div>
      ) : list.data ? (
        <div className="handoffs-grid">
          <section className="panel handoffs-panel" aria-labelledby="handoffs-sent">
            <h2 id="handoffs-sent">{t('handoffs.sentTitle')}</h2>
            {sent.length === 0 ? <p className="small muted">{t('handoffs.noneSent')}</p> : null}
            {sent.length ? (
              <ul className="handoff-list" tabIndex={0} aria-label={t('handoffs.sentList')}>
                {sent.map((s) => (
                  <SentItem key={`${s.handoffId}-${s.caseId}`} item={s} alias={s.heldAlias ?? s.alias} />
                ))}
              </ul>
            ) : null}
          </section>
          <section className="panel handoffs-panel" aria-labelledby="handoffs-received">
            <h2 id="handoffs-received">{t('handoffs.receivedTitle')}</h2>
            {received.length === 0 ? <p className="small muted">{t('handoffs.noneReceived')}</p> : null}
            {received.length ? (
              <ul className="handoff-list" tabIndex={0} aria-label={t('handoffs.receivedList')}>
                {received.map((r) => (
                  <li key={`${r.handoffId}-${r.caseId}`} className="handoff-item">
                    <div className="handoff-title">
                      <CaseName id={r.caseId} alias={r.alias} held={r.alias !== null} />
                      <span className={`handoff-state state-${r.outcome}`}>
                        {r.outcome === 'declined'
                          ? t('handoffs.outcome.declined', { reason: r.reason ?? '' })
                          : t('handoffs.outcome.accepted')}
                      </span>
                    </div>
                    <p className="small muted">
                      {t('handoffs.from', { name: r.from.name })} ·{' '}
                      {t('handoffs.receivedOn', { date: formatDateTime(r.receivedAt) })}
                    </p>
                    <div className="row">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={receipt.busy}
                        onClick={() => void receipt.save(r.handoffId)}
                      >
                        {t('handoffs.saveAgain')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </div>
      ) : null}
    </section>
  );
}

function SentItem({ item: s, alias }: { item: Sent; alias: string | null }) {
  const { t } = useTranslation();
  const when = (at: string | null) => (at ? formatDate(at) : '—');
  const state =
    s.state === 'sent'
      ? t('handoffs.state.sent')
      : s.state === 'accepted'
        ? t('handoffs.state.accepted', { date: when(s.receivedAt ?? s.receiptAt) })
        : s.state === 'declined'
          ? t('handoffs.state.declined', { date: when(s.receivedAt ?? s.receiptAt), reason: s.reason ?? '' })
          : t('handoffs.state.returned', { date: when(s.returnedAt) });
  return (
    <li className="handoff-item">
      <div className="handoff-title">
        <CaseName id={s.caseId} alias={alias} held={s.caseHeld} />
        <span className={`handoff-state state-${s.state}`}>{state}</span>
      </div>
      <p className="small muted">
        {t('handoffs.to', { name: s.to.name })} · {t('handoffs.sentOn', { date: formatDateTime(s.sentAt) })} ·{' '}
        {s.purged ? t('handoffs.purged') : t('handoffs.kept')}
      </p>
      <p className="small muted handoff-file">{t('handoffs.file', { name: s.fileName })}</p>
      <p className="small">
        {s.agreedTo !== null
          ? t('handoffs.agreedTo', { what: s.agreedTo })
          : s.override !== null
            ? t('handoffs.override', { why: s.override })
            : s.consent === 'agreed'
              ? t('handoffs.agreedWithCase')
              : t('handoffs.overrideWithCase')}
      </p>
    </li>
  );
}

/** A held case links to it; one no longer here is a stub: its alias if kept, else the start of its id. */
function CaseName({ id, alias, held }: { id: string; alias: string | null; held: boolean }) {
  const { t } = useTranslation();
  const { navigate } = useApp();
  if (held && alias !== null)
    return (
      <button type="button" className="link-button handoff-case" onClick={() => navigate({ name: 'case', id })}>
        {alias}
      </button>
    );
  return (
    <span className="handoff-case">
      {alias === null ? (
        t('exchange.caseStub', { id: shortCaseId(id) })
      ) : (
        <>
          {alias} <span className="muted small">{t('handoffs.purgedNote')}</span>
        </>
      )}
    </span>
  );
}
