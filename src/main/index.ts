// Electron entry point.
import { startApp } from './app/start';

startApp();
