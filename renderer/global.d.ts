/** Globals of the renderer: the Electron preload bridge and build-time constants. */
import type { TalentLedgerBridge } from '../shared/ipc';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload via contextBridge). */
    talentLedger?: TalentLedgerBridge;
  }

  /** package.json version, injected by renderer/vite.config.ts (`define`). */
  const __APP_VERSION__: string;
}

export {};
