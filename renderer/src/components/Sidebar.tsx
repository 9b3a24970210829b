import { useTranslation } from 'react-i18next';
import { useApp, type Route } from '../state/app';

const ITEMS: { route: Route['name']; key: string; hint?: string }[] = [
  { route: 'cases', key: 'nav.cases' },
  { route: 'board', key: 'nav.board' },
  { route: 'dashboard', key: 'nav.dashboard' },
  { route: 'contacts', key: 'nav.contacts' },
  { route: 'exchange', key: 'nav.exchange' },
  { route: 'settings', key: 'nav.settings' },
];

/** Navigation, who is signed in, a new-case button and the lock button that is always there. */
export function Sidebar() {
  const { t } = useTranslation();
  const { route, navigate, lock, me } = useApp();
  // The hand-offs list opens from Cases (and the dashboard): it belongs to the cases.
  const current = route.name === 'case' || route.name === 'newCase' || route.name === 'handoffs' ? 'cases' : route.name;
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span>Crossing</span>
      </div>
      <button type="button" className="btn btn-primary btn-block" onClick={() => navigate({ name: 'newCase' })}>
        {t('nav.newCase')} <kbd>Ctrl N</kbd>
      </button>
      <ul className="nav-list">
        {ITEMS.map((item) => (
          <li key={item.route}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === item.route ? 'page' : undefined}
              onClick={() => navigate({ name: item.route } as Route)}
            >
              {t(item.key)}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <div className="me" title={me.fingerprint}>
          <span className="muted small">{t('nav.signedInAs')}</span>
          <span className="me-name">{me.displayName}</span>
        </div>
        <button type="button" className="btn btn-lock btn-block" onClick={lock}>
          {t('nav.lock')} <kbd>Ctrl L</kbd>
        </button>
      </div>
    </nav>
  );
}
