import { useTranslation } from 'react-i18next';
import { TEXT_ENCODINGS } from '../../../../shared/sheets/decodeText';
import type { FileRef } from '../../state/app';
import type { Inspection } from './types';

export interface ReadChoice {
  sheet?: string | undefined;
  encoding?: (typeof TEXT_ENCODINGS)[number] | undefined;
  delimiter?: ',' | ';' | '\t' | undefined;
}

const DELIMITERS = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
] as const;

/** Step 1: the file, its sheet, and for a CSV how its text is read (found by the app, changeable). */
export function SourceStep({
  file,
  inspection,
  onChoose,
  onRead,
}: {
  file: FileRef | null;
  inspection: Inspection | null;
  onChoose: () => void;
  onRead: (choice: ReadChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="small muted">{t('sheets.intro')}</p>
      <div className="row">
        <button type="button" className="btn" onClick={onChoose}>
          {t('sheets.chooseFile')}
        </button>
        {file ? <span className="small mono">{file.name}</span> : null}
      </div>
      {inspection ? (
        <dl className="facts">
          {inspection.sheets.length > 1 ? (
            <>
              <dt>
                <label htmlFor="sheet-name">{t('sheets.sheet')}</label>
              </dt>
              <dd>
                <select id="sheet-name" value={inspection.sheet} onChange={(e) => onRead({ sheet: e.target.value })}>
                  {inspection.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {t('sheets.sheetRows', { name: s.name, rows: s.rows })}
                    </option>
                  ))}
                </select>
              </dd>
            </>
          ) : (
            <>
              <dt>{t('sheets.sheet')}</dt>
              <dd>{inspection.sheet}</dd>
            </>
          )}
          {inspection.kind === 'csv' ? (
            <>
              <dt>
                <label htmlFor="sheet-encoding">{t('sheets.encoding')}</label>
              </dt>
              <dd>
                <select
                  id="sheet-encoding"
                  value={inspection.encoding ?? 'utf-8'}
                  onChange={(e) =>
                    onRead({
                      encoding: e.target.value as ReadChoice['encoding'],
                      delimiter: inspection.delimiter as ReadChoice['delimiter'],
                    })
                  }
                >
                  {TEXT_ENCODINGS.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {encoding}
                    </option>
                  ))}
                </select>
              </dd>
              <dt>
                <label htmlFor="sheet-delimiter">{t('sheets.delimiter')}</label>
              </dt>
              <dd>
                <select
                  id="sheet-delimiter"
                  value={inspection.delimiter ?? ','}
                  onChange={(e) =>
                    onRead({
                      delimiter: e.target.value as ReadChoice['delimiter'],
                      encoding: inspection.encoding as ReadChoice['encoding'],
                    })
                  }
                >
                  {DELIMITERS.map(([value, name]) => (
                    <option key={name} value={value}>
                      {t(`sheets.delimiters.${name}`)}
                    </option>
                  ))}
                </select>
              </dd>
            </>
          ) : null}
          <dt>{t('sheets.headerRow')}</dt>
          <dd>{inspection.mapping.headerRow}</dd>
          <dt>{t('sheets.columns')}</dt>
          <dd>{inspection.mapping.columns.length}</dd>
        </dl>
      ) : null}
    </div>
  );
}
