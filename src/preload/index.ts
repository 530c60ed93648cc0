// Exposes exactly the API contract to the window: a checked call, an event subscription, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('repdesk', buildBridge(ipcRenderer));
