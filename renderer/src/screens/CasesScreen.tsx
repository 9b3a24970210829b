import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEEDS, PASSPORT_STATUSES, RISKS, STAGES } from '../../../shared/model/case';
import type { CaseFilter } from '../../../shared/search/filter';
import { api } from '../api';
import { CaseTable } from '../components/CaseTable';
import { ErrorNote } from '../components/ErrorNote';
import { FilterMenu } from '../components/FilterMenu';
import { countryName, formatNumber, today } from '../format';
import { presetOf, presets } from '../presets';
import { useApp } from '../state/app';
import { useCasePages, type CaseSort } from '../state/useCasePages';
import { usePeople } from '../state/usePeople';

/**
 * The case list: saved filters, a filter per enumerated field, instant search, a sortable virtual table.
 * Its place (search, filters, sort, scroll) is kept in the workspace: back from a case, it is as it was.
 */
export function CasesScreen() {
  const { t } = useTranslation();
  const { me, navigate, caseList } = useApp();
  const { contacts, nameOf } = usePeople();
  const [filter, setFilter] = useState<CaseFilter>(() => caseList.place.filter);
  const [searchText, setSearchText] = useState(() => caseList.place.searchText);
  const [sort, setSort] = useState<CaseSort>(() => caseList.place.sort);
  const [countries, setCountries] = useState<string[]>(() => caseList.countries);
  const day = today();
  const presetList = useMemo(() => presets(me.fingerprint, day), [me.fingerprint, day]);
  const activePreset = presetOf(filter, presetList);

  useEffect(() => {
    const handle = window.setTimeout(() => {
      setFilter((f) => {
        const search = searchText.trim() || undefined;
        return f.search === search ? f : { ...f, search };
      });
    }, 120);
    return () => window.clearTimeout(handle);
  }, [searchText]);

  useEffect(() => caseList.keepChoices(searchText, filter, sort), [caseList, searchText, filter, sort]);

  const { total, rowAt, ensureRange, error, version, answered } = useCasePages(caseList, filter, sort);

  // Back from a case, its row takes focus (before the page's heading would): a keyboard goes on from
  // where it was, and a screen reader names the case just left. Tried for a moment while rows paint.
  useEffect(() => {
    const caseId = caseList.takeOpened();
    if (!caseId) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const button = document.querySelector<HTMLElement>(
        `.case-scroll [data-case-id="${CSS.escape(caseId)}"] .row-open`,
      );
      if (button) button.focus({ preventScroll: true });
      else if (++tries < 20) timer = window.setTimeout(attempt, 50);
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [caseList]);

  // The refuge countries the filter offers come from the statistics, which take the vault a while to
  // count: they are asked for once the rows have come, never before them (the vault answers one call
  // at a time), and kept for the next visit.
  const countriesAsked = useRef<string | null>(null);
  useEffect(() => {
    if (!answered() || countriesAsked.current === day) return;
    countriesAsked.current = day;
    api.getStats({ today: day }).then(
      (s) => {
        const found = Object.keys(s.byRefugeCountry).filter(Boolean).sort();
        caseList.keepCountries(found);
        setCountries(found);
      },
      () => undefined,
    );
  }, [answered, version, day, caseList]);

  const set = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const assignees = ['', me.fingerprint, ...contacts.map((c) => c.fingerprint)];

  return (
    <section className="screen-cases" aria-labelledby="cases-title">
      <header className="screen-head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <span className="muted count" aria-live="polite">
          {total === null ? '' : t('cases.count', { count: total, formatted: formatNumber(total) })}
        </span>
        <div className="spacer" />
        <div className="search-box">
          <label htmlFor="case-search" className="sr-only">
            {t('cases.search')}
          </label>
          <input
            id="case-search"
            type="search"
            placeholder={t('cases.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <kbd aria-hidden="true">Ctrl F</kbd>
        </div>
        <button type="button" className="btn" onClick={() => navigate({ name: 'handoffs' })}>
          {t('handoffs.title')}
        </button>
        <button type="button" className="btn" onClick={() => navigate({ name: 'duplicates' })}>
          {t('dupes.title')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'newCase' })}>
          {t('cases.new')}
        </button>
      </header>
      <div className="presets" role="group" aria-label={t('cases.savedFilters')}>
        {presetList.map((p) => (
          <button
            key={p.id}
            type="button"
            className="chip"
            aria-pressed={activePreset === p.id}
            onClick={() => setFilter({ ...p.filter, ...(filter.search ? { search: filter.search } : {}) })}
          >
            {t(`presets.${p.id}`)}
          </button>
        ))}
      </div>
      <div className="filters" role="group" aria-label={t('filters.label')}>
        <FilterMenu
          label={t('cases.col.stage')}
          options={STAGES}
          optionLabel={(v) => t(`stage.${v}`)}
          selected={filter.stage}
          onChange={(v) => set('stage', v)}
        />
        <FilterMenu
          label={t('cases.col.passport')}
          options={PASSPORT_STATUSES}
          optionLabel={(v) => t(`passport.${v}`)}
          selected={filter.passport}
          onChange={(v) => set('passport', v)}
        />
        <FilterMenu
          label={t('cases.col.internalPassport')}
          options={PASSPORT_STATUSES}
          optionLabel={(v) => t(`passport.${v}`)}
          selected={filter.internalPassport}
          onChange={(v) => set('internalPassport', v)}
        />
        <FilterMenu
          label={t('cases.col.refugeCountry')}
          options={countries}
          optionLabel={(v) => countryName(v)}
          selected={filter.country}
          onChange={(v) => set('country', v)}
        />
        <FilterMenu
          label={t('cases.col.risk')}
          options={RISKS}
          optionLabel={(v) => t(`risk.${v}`)}
          selected={filter.risk}
          onChange={(v) => set('risk', v)}
        />
        <FilterMenu
          label={t('case.needs')}
          options={NEEDS}
          optionLabel={(v) => t(`need.${v}`)}
          selected={filter.needs}
          onChange={(v) => set('needs', v)}
        />
        <FilterMenu
          label={t('cases.col.assignedTo')}
          options={assignees}
          optionLabel={(v) => (v ? nameOf(v) : t('cases.unassigned'))}
          selected={filter.assignedTo}
          onChange={(v) => set('assignedTo', v)}
        />
        <label className="checkbox filter-toggle">
          <input
            type="checkbox"
            checked={filter.hasConflicts === true}
            onChange={(e) => set('hasConflicts', e.target.checked || undefined)}
          />
          <span>{t('presets.conflicts')}</span>
        </label>
        <label className="checkbox filter-toggle">
          <input
            type="checkbox"
            checked={filter.overdueOn !== undefined}
            onChange={(e) => set('overdueOn', e.target.checked ? day : undefined)}
          />
          <span>{t('presets.overdue')}</span>
        </label>
        {activePreset !== 'all' ? (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => setFilter(filter.search ? { search: filter.search } : {})}
          >
            {t('filters.clearAll')}
          </button>
        ) : null}
      </div>
      <ErrorNote error={error} />
      {total === 0 ? (
        <div className="empty">
          <p>{filter.search || activePreset !== 'all' ? t('cases.noMatch') : t('cases.empty')}</p>
          {filter.search || activePreset !== 'all' ? null : (
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'newCase' })}>
                {t('cases.openFirst')}
              </button>
              <button type="button" className="btn" onClick={() => navigate({ name: 'exchange' })}>
                {t('cases.importFirst')}
              </button>
            </div>
          )}
        </div>
      ) : (
        <CaseTable
          total={total ?? 0}
          rowAt={rowAt}
          ensureRange={ensureRange}
          sort={sort}
          onSort={setSort}
          onOpen={(id) => {
            caseList.keepOpened(id);
            navigate({ name: 'case', id });
          }}
          nameOf={nameOf}
          version={version}
          resetKey={JSON.stringify([filter, sort])}
          initialScrollTop={caseList.place.scrollTop}
          onScrollTop={(top) => caseList.keepScroll(top)}
        />
      )}
    </section>
  );
}
