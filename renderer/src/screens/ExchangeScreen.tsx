import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../state/app';
import { ExportPanel } from './exchange/ExportPanel';
import { HandOffPanel } from './exchange/HandOffPanel';
import { ImportPanel } from './exchange/ImportPanel';
import { SheetImportWizard } from './sheets/SheetImportWizard';

type View = 'export' | 'import' | 'sheet' | 'handOff';

/** Sealed files in and out: export to contacts, import with a preview, hand a case off; and onboarding from a spreadsheet. */
export function ExchangeScreen({
  importFile,
  handOff,
}: {
  importFile?: FileRef | undefined;
  handOff?: string | undefined;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(importFile ? 'import' : handOff !== undefined ? 'handOff' : 'export');
  return (
    <section className="screen-exchange" aria-labelledby="exchange-title">
      <header className="screen-head">
        <h1 id="exchange-title">{t('exchange.title')}</h1>
        <div className="segmented" role="group" aria-label={t('exchange.title')}>
          {(['export', 'import', 'sheet', 'handOff'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`exchange.view.${v}`)}
            </button>
          ))}
        </div>
      </header>
      {view === 'export' ? <ExportPanel /> : null}
      {view === 'import' ? <ImportPanel initialFile={importFile} /> : null}
      {view === 'sheet' ? <SheetImportWizard /> : null}
      {view === 'handOff' ? <HandOffPanel caseId={handOff} /> : null}
    </section>
  );
}
