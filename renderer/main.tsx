/** Renderer entry: start the app and ask the browser to keep our data. */
import './cspSafeZod';
import { createRoot } from 'react-dom/client';
import { TalentLedgerApp } from './app/App';
import { preloadSectionOf } from './app/sections';
import { runStartupSafetyChecks } from './data/backups';
import './app/global.css';
import { requestPersistentStorage } from './db';

// Before React's first render: the database opens and the section's code loads side by side
// (App's Gate awaits the same start-up promise).
void runStartupSafetyChecks().catch(() => undefined);
void preloadSectionOf(window.location.hash);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(<TalentLedgerApp />);

// Without persistence a browser may evict IndexedDB under disk pressure; the result shows in 设置.
void requestPersistentStorage();
