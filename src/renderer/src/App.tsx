// The window: navigation on the left, the current screen on the right.
import { useEffect } from 'react';
import { api } from './api/client';
import { Sidebar } from './components/Sidebar';
import { Toasts } from './components/Toasts';
import { receiveNotification } from './notifications';
import { screenFromHash, type Screen } from './routes';
import { AnalyticsScreen } from './screens/AnalyticsScreen';
import { ProspectsScreen } from './screens/ProspectsScreen';
import { SequencesScreen } from './screens/SequencesScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { TodayScreen } from './screens/TodayScreen';
import { useAppStore } from './store/app';
import { appSelectors } from './store/app/selectors';
import { useSettingsStore } from './store/settings';

const screenComponents: Record<Screen, () => React.JSX.Element> = {
  today: TodayScreen,
  sequences: SequencesScreen,
  prospects: ProspectsScreen,
  analytics: AnalyticsScreen,
  settings: SettingsScreen,
};

export function App() {
  const status = useAppStore(appSelectors.status);
  const failure = useAppStore(appSelectors.failure);
  const screen = useAppStore(appSelectors.screen);

  useEffect(() => {
    const { start, navigate, setCounts } = useAppStore.getState();
    const follow = () => navigate(screenFromHash(window.location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    const offs = [
      api().on('counts.changed', setCounts),
      api().on('settings.changed', (s) => useSettingsStore.getState().received(s)),
      api().on('notification', receiveNotification),
      // Outside test mode the harness asks the browser to open call links (tel:, sip:...) the app built.
      api().on('launcher.open', ({ uri }) => window.open(uri, '_self')),
    ];
    void start();
    return () => {
      window.removeEventListener('hashchange', follow);
      offs.forEach((off) => off());
    };
  }, []);

  if (status === 'failed') {
    return (
      <main className="fatal" data-app-state="failed" role="alert">
        <h1>Repdesk could not start</h1>
        <p>{failure}</p>
      </main>
    );
  }
  const Current = screenComponents[screen];
  return (
    <div className="shell" data-app-state={status}>
      <Sidebar />
      <main className="content" data-screen={screen} aria-busy={status === 'loading'}>
        {status === 'ready' && <Current />}
      </main>
      <Toasts />
    </div>
  );
}
