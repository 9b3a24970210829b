import type { CaseFilter } from '../../../shared/search/filter';
import { CasePages, type FetchRows } from './casePages';
import type { CaseSort } from './useCasePages';

/** Where the person was in the case list: what they typed, chose and scrolled to. */
export type CaseListPlace = {
  searchText: string;
  filter: CaseFilter;
  sort: CaseSort;
  scrollTop: number;
};

export const DEFAULT_SORT: CaseSort = { key: 'updatedAt', direction: 'desc' };

/**
 * The case list's memory while the vault is open: its place, the rows last fetched and the refuge
 * countries its filter offers. Opening a case and coming back finds the list as it was and paints
 * it at once, then brings it up to date. It lives in the unlocked workspace, so a lock drops it with
 * everything else decrypted.
 */
export class CaseListStore {
  place: CaseListPlace = { searchText: '', filter: {}, sort: DEFAULT_SORT, scrollTop: 0 };
  countries: string[] = [];
  private current: CasePages | null = null;
  /** The case opened from the list, whose row takes focus on the way back (then forgotten). */
  private opened: string | null = null;

  keepOpened(caseId: string): void {
    this.opened = caseId;
  }

  takeOpened(): string | null {
    const caseId = this.opened;
    this.opened = null;
    return caseId;
  }

  /** The list for this filter and sort: the one kept from before when it is the same, else a new one. */
  pagesFor(key: string, fetchRows: FetchRows): CasePages {
    if (this.current?.key === key) return this.current;
    this.current?.dispose();
    this.current = new CasePages(key, fetchRows);
    return this.current;
  }

  /** Remembers what the person typed and chose; another filter or sort is another list, from the top. */
  keepChoices(searchText: string, filter: CaseFilter, sort: CaseSort): void {
    const sameList = JSON.stringify([this.place.filter, this.place.sort]) === JSON.stringify([filter, sort]);
    this.place = { searchText, filter, sort, scrollTop: sameList ? this.place.scrollTop : 0 };
  }

  keepScroll(top: number): void {
    this.place.scrollTop = top;
  }

  keepCountries(countries: string[]): void {
    this.countries = countries;
  }

  /** Opens the list on one stage alone, from the top (the board's "and N more"). */
  showStage(filter: CaseFilter): void {
    this.place = { searchText: '', filter, sort: DEFAULT_SORT, scrollTop: 0 };
  }
}
