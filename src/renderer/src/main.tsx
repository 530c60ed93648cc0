// Renderer entry: pick the transport (IPC in Electron, HTTP in the harness), then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, setClient } from './api/client';
import { pickTransport } from './api/transport';
import { App } from './App';
import './styles.css';
import './today.css';

setClient(createClient(pickTransport(window)));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
