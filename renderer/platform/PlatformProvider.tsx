/** Picks the Platform once and hands it to components (tests can provide their own). */
import { createContext, useContext, type ReactNode } from 'react';
import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';
import type { Platform } from './platform';

let detected: Platform | undefined;

/** The Electron platform when the preload bridge is present, otherwise the browser one. */
export function getPlatform(): Platform {
  detected ??= typeof window !== 'undefined' && window.talentLedger ? electronPlatform(window.talentLedger) : browserPlatform();
  return detected;
}

const PlatformContext = createContext<Platform | null>(null);

/** Provides a Platform to the tree; without it `usePlatform()` falls back to `getPlatform()`. */
export function PlatformProvider({ platform, children }: { platform?: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform ?? getPlatform()}>{children}</PlatformContext.Provider>;
}

/** The Platform for this component tree. */
export function usePlatform(): Platform {
  return useContext(PlatformContext) ?? getPlatform();
}
