/** Renderer entry: start the app and ask the browser to keep our data. */
import './cspSafeZod';
import { createRoot } from 'react-dom/client';
import { TalentLedgerApp } from './app/App';
import './app/global.css';
import { requestPersistentStorage } from './db';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(<TalentLedgerApp />);

// Without persistence a browser may evict IndexedDB under disk pressure; the result shows in 设置.
void requestPersistentStorage();
