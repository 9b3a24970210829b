import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { useTranslation } from 'react-i18next';
import { api, onEvent } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import type { FileRef } from '../../state/app';
import { useAction } from '../../state/useAction';
import { ColumnsStep } from './ColumnsStep';
import { ReportView } from './PreviewStep';
import { RemoveFileOffer } from './RemoveFileOffer';
import { SourceStep, type ReadChoice } from './SourceStep';
import { WIZARD_STEPS, type Inspection, type Mapping, type SheetReport, type WizardStep } from './types';
import { ValuesStep } from './ValuesStep';

/**
 * Onboarding from a spreadsheet: file and sheet → columns → values → preview of every row → import
 * → report. Nothing is written before "Import"; the import is one transaction, so it is all or
 * nothing, and a sheet imported before changes nothing.
 */
export function SheetImportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState<WizardStep>('source');
  const [file, setFile] = useState<FileRef | null>(null);
  const [read, setRead] = useState<ReadChoice>({});
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<SheetReport | null>(null);
  const [report, setReport] = useState<SheetReport | null>(null);
  const { busy, error, setError, run: attempt } = useAction();
  const [progress, setProgress] = useState<EventPayload<'sheetImportProgress'> | null>(null);

  useEffect(() => onEvent('sheetImportProgress', setProgress), []);

  const inspect = (chosen: FileRef, choice: ReadChoice) =>
    attempt(async () => {
      const found = await api.inspectSpreadsheet({ token: chosen.token, ...choice });
      setRead({ ...choice, sheet: found.sheet });
      setInspection(found);
      setMapping(found.mapping);
    });

  const choose = () =>
    attempt(async () => {
      const { file: chosen } = await api.chooseSpreadsheet({});
      if (!chosen) return;
      setFile(chosen);
      setInspection(null);
      setMapping(null);
      setPreview(null);
      setReport(null);
      setStep('source');
      const found = await api.inspectSpreadsheet({ token: chosen.token });
      setRead({ sheet: found.sheet });
      setInspection(found);
      setMapping(found.mapping);
    });

  const toValues = () =>
    attempt(async () => {
      const filled = await api.inspectSpreadsheet({ token: file!.token, ...read, mapping: mapping! });
      setMapping(filled.mapping);
      setStep('values');
    });

  const toPreview = () =>
    attempt(async () => {
      setPreview(await api.previewSheetImport({ token: file!.token, ...read, mapping: mapping! }));
      setStep('preview');
    });

  const runImport = () =>
    attempt(async () => {
      setProgress(null);
      setReport(await api.applySheetImport({ token: file!.token, ...read, mapping: mapping! }));
      setStep('report');
    });

  const restart = () => {
    setStep('source');
    setFile(null);
    setInspection(null);
    setMapping(null);
    setPreview(null);
    setReport(null);
    setError(null);
  };

  const current = WIZARD_STEPS.indexOf(step);
  const back = current > 0 && step !== 'report' ? WIZARD_STEPS[current - 1] : null;

  const actions = (
    <div className="row sheet-actions">
      {back ? (
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setStep(back)}>
          {t('sheets.back')}
        </button>
      ) : null}
      {step === 'source' && inspection ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setStep('columns')}>
          {t('sheets.next')}
        </button>
      ) : null}
      {step === 'columns' ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void toValues()}>
          {t('sheets.next')}
        </button>
      ) : null}
      {step === 'values' ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void toPreview()}>
          {t('sheets.toPreview')}
        </button>
      ) : null}
      {step === 'preview' && preview ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || preview.counts.new === 0}
          onClick={() => void runImport()}
        >
          {t('sheets.import', { n: preview.counts.new })}
        </button>
      ) : null}
      {step === 'report' ? (
        <button type="button" className="btn" onClick={restart}>
          {t('sheets.another')}
        </button>
      ) : null}
    </div>
  );

  return (
    <section className="panel stack sheet-wizard" aria-labelledby="sheets-title">
      <h2 id="sheets-title">{t('sheets.title')}</h2>
      <ol className="sheet-steps">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < current ? 'done' : undefined}>
            {t(`sheets.steps.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorNote error={error} />
      {busy && step === 'preview' ? (
        <div className="stack" role="status">
          <progress
            aria-label={t('sheets.importing', { rows: preview?.counts.new ?? 0 })}
            {...(progress && progress.phase === 'checking' && progress.total > 0
              ? { value: progress.done, max: progress.total }
              : {})}
          />
          <span className="small">
            {progress ? t(`sheets.phase.${progress.phase}`, { done: progress.done, total: progress.total }) : null}{' '}
            {t('sheets.importing', { rows: preview?.counts.new ?? 0 })}
          </span>
        </div>
      ) : null}

      {step !== 'source' ? actions : null}

      {step === 'source' ? (
        <SourceStep
          file={file}
          inspection={inspection}
          onChoose={() => void choose()}
          onRead={(choice) => void inspect(file!, { ...read, ...choice })}
        />
      ) : null}
      {step === 'columns' && mapping && inspection ? (
        <ColumnsStep mapping={mapping} samples={inspection.samples} onChange={setMapping} />
      ) : null}
      {step === 'values' && mapping ? <ValuesStep mapping={mapping} onChange={setMapping} /> : null}
      {step === 'preview' && preview ? (
        <>
          <p className="alert alert-info">{t('sheets.previewNote')}</p>
          <ReportView report={preview} />
        </>
      ) : null}
      {step === 'report' && report && file ? (
        <>
          <p className="alert alert-ok" role="status">
            {t('sheets.done', { n: report.counts.new })}
          </p>
          <RemoveFileOffer file={file} />
          <ReportView report={report} />
        </>
      ) : null}
      {step === 'source' ? actions : null}
    </section>
  );
}
