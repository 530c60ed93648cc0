// The left navigation: one entry per screen, with live counts.
import { screens, screenTitles, type Screen } from '../routes';
import { useAppStore } from '../store/app';
import { appSelectors } from '../store/app/selectors';
import { Icon } from './Icon';

const countFor = (screen: Screen, counts: { today: number; prospects: number; sequences: number }): number | null =>
  screen === 'today' ? counts.today : screen === 'prospects' ? counts.prospects : screen === 'sequences' ? counts.sequences : null;

export function Sidebar() {
  const current = useAppStore(appSelectors.screen);
  const counts = useAppStore(appSelectors.counts);
  const info = useAppStore(appSelectors.info);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">R</span>
        <span className="brand-name">Repdesk</span>
      </div>
      <ul className="nav-list">
        {screens.map((screen) => {
          const count = countFor(screen, counts);
          return (
            <li key={screen}>
              <a href={`#/${screen}`} className="nav-item" aria-current={current === screen ? 'page' : undefined} data-testid={`nav-${screen}`}>
                <Icon name={screen} />
                <span className="nav-label">{screenTitles[screen]}</span>
                {count !== null && count > 0 && <span className="nav-count">{count.toLocaleString()}</span>}
              </a>
            </li>
          );
        })}
      </ul>
      <div className="sidebar-foot">
        {info && (
          <span title={`Data folder: ${info.dataDir}`}>
            v{info.version} · {info.transport === 'ipc' ? 'desktop' : 'browser'}
          </span>
        )}
      </div>
    </nav>
  );
}
