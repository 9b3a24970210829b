import { BackupNotice } from './backup/BackupNotice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPORT_STATUSES, PIPELINE_STAGES } from '../../../shared/model/case';
import { api, type ApiError, asApiError } from '../api';
import { BarsChart, type Datum } from '../components/BarsChart';
import { ErrorNote } from '../components/ErrorNote';
import { countryName, formatMonth, formatNumber, today } from '../format';
import { reportLabels } from '../reportLabels';
import { useApp } from '../state/app';
import { useAsync } from '../state/useAsync';
import { useVaultVersion } from '../state/useVaultVersion';

/** Totals for coordinators and partners: no names, only counts; saved as an anonymous report. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { notify, navigate } = useApp();
  const day = today();
  const version = useVaultVersion();
  const stats = useAsync(() => api.getStats({ today: day }), [day, version]);
  const handoffs = useAsync(() => api.listHandoffs({}), [version]);
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  const save = async (format: 'json' | 'csv') => {
    setSaveError(null);
    try {
      const labels = stats.data ? reportLabels(t, stats.data) : {};
      const { savedAs } = await api.saveReport({ today: day, format, labels });
      if (savedAs) notify(t('dashboard.saved', { path: savedAs }));
    } catch (e) {
      setSaveError(asApiError(e));
    }
  };

  const s = stats.data;
  const pipeline: Datum[] = s
    ? PIPELINE_STAGES.map((k) => ({ key: k, label: t(`stage.${k}`), value: s.byStage[k] ?? 0 }))
    : [];
  const countries: Datum[] = s
    ? Object.entries(s.byRefugeCountry)
        .filter(([k]) => k)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([k, v]) => ({ key: k, label: countryName(k), value: v }))
    : [];
  const passports: Datum[] = s
    ? PASSPORT_STATUSES.map((k) => ({ key: k, label: t(`passport.${k}`), value: s.byPassport[k] ?? 0 })).filter(
        (d) => d.value > 0,
      )
    : [];
  const arrivals: Datum[] = s
    ? Object.entries(s.arrivalsByMonth)
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(-18)
        .map(([k, v]) => ({ key: k, label: formatMonth(k), value: v }))
    : [];
  const abroad = s ? (s.byStage.arrived ?? 0) + (s.byStage.resettled ?? 0) : 0;

  return (
    <section className="screen-dashboard" aria-labelledby="dash-title">
      <header className="screen-head">
        <h1 id="dash-title">{t('dashboard.title')}</h1>
        <div className="spacer" />
        <span className="muted small">{t('dashboard.reportHint')}</span>
        <button type="button" className="btn" onClick={() => void save('csv')}>
          {t('dashboard.saveCsv')}
        </button>
        <button type="button" className="btn" onClick={() => void save('json')}>
          {t('dashboard.saveJson')}
        </button>
      </header>
      <ErrorNote error={stats.error ?? saveError} />
      <BackupNotice />
      {s ? (
        <>
          <dl className="kpis">
            <Kpi label={t('dashboard.total')} value={s.total} />
            <Kpi label={t('dashboard.open')} value={s.open} />
            <Kpi label={t('dashboard.abroad')} value={abroad} />
            <Kpi
              label={t('dashboard.critical')}
              value={s.byRisk.critical ?? 0}
              tone={s.byRisk.critical ? 'bad' : undefined}
            />
            <Kpi label={t('dashboard.overdue')} value={s.overdueTasks} tone={s.overdueTasks ? 'warn' : undefined} />
            <Kpi
              label={t('dashboard.conflicts')}
              value={s.casesWithConflicts}
              tone={s.casesWithConflicts ? 'warn' : undefined}
            />
          </dl>
          {handoffs.data ? (
            <HandoffsCard counts={handoffs.data.counts} onOpen={() => navigate({ name: 'handoffs' })} />
          ) : null}
          <div className="chart-grid-layout">
            <BarsChart title={t('dashboard.pipeline')} data={pipeline} layout="vertical" height={240} />
            <BarsChart title={t('dashboard.arrivals')} data={arrivals} height={240} tone="good" />
            <BarsChart title={t('dashboard.byCountry')} data={countries} layout="vertical" height={280} tone="info" />
            <BarsChart title={t('dashboard.byPassport')} data={passports} layout="vertical" height={280} tone="warn" />
          </div>
        </>
      ) : null}
    </section>
  );
}

function Kpi({ label, value, tone }: { label: string; value: number; tone?: string | undefined }) {
  return (
    <div className={`kpi ${tone ? `kpi-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );
}

/** Where the hand-offs made here stand, in counts, with the way to the list. */
function HandoffsCard({
  counts,
  onOpen,
}: {
  counts: { awaiting: number; accepted: number; declined: number; returned: number };
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const items = [
    ['handoffsAwaiting', counts.awaiting],
    ['handoffsAccepted', counts.accepted],
    ['handoffsDeclined', counts.declined],
    ['handoffsReturned', counts.returned],
  ] as const;
  return (
    <section className="panel handoffs-card" aria-labelledby="dash-handoffs">
      <h2 id="dash-handoffs">{t('dashboard.handoffs')}</h2>
      <dl className="handoff-counts">
        {items.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`dashboard.${key}`)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn btn-small" onClick={onOpen}>
        {t('dashboard.openHandoffs')}
      </button>
    </section>
  );
}
