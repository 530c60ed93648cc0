// The window: navigation on the left, the current screen on the right.
import { useEffect } from 'react';
import { api } from './api/client';
import { DropOverlay } from './components/import/DropOverlay';
import { ImportDialog } from './components/import/ImportDialog';
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
import { useImportStore } from './store/imports';
import { useProspectsStore } from './store/prospects';
import { appSelectors } from './store/app/selectors';
import { useMailboxesStore } from './store/mailboxes';
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
      api().on('mailboxes.changed', (m) => useMailboxesStore.getState().received(m)),
      api().on('inbox.received', (m) => useMailboxesStore.getState().inbound(m)),
      api().on('import.progress', (p) => useImportStore.getState().progressed(p)),
      api().on('import.sheetRead', (p) => useImportStore.getState().sheetProgress(p)),
      api().on('prospects.changed', () => {
        if (useAppStore.getState().screen === 'prospects') void useProspectsStore.getState().reload();
        void useImportStore.getState().loadIssues();
      }),
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
      {status === 'ready' && <DropOverlay />}
      {status === 'ready' && <ImportDialog />}
      <Toasts />
    </div>
  );
}
