/** The main process's own settings (currently the backup folder), kept as JSON in userData. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

/** Settings the main process keeps for itself; the renderer's settings live in IndexedDB. */
export interface MainSettings {
  /** Absolute path of the folder backups are written to; absent means the default. */
  backupFolder?: string;
}

/** File name of the settings inside userData. */
export const SETTINGS_FILE_NAME = 'settings.json';

const settingsSchema = z.object({
  backupFolder: z.string().min(1).max(4096).refine((value) => path.isAbsolute(value) && !value.includes('\0')).optional(),
});

/** Parses saved JSON; unknown keys are dropped and a corrupt file yields empty settings. */
export function parseSettings(text: string): MainSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return {};
  return parsed.data.backupFolder === undefined ? {} : { backupFolder: parsed.data.backupFolder };
}

/** Reads the settings; a missing or corrupt file gives empty settings. */
export async function loadSettings(filePath: string): Promise<MainSettings> {
  try {
    return parseSettings(await fs.readFile(filePath, 'utf8'));
  } catch {
    return {};
  }
}

/** Saves the settings atomically, creating userData if it does not exist yet. */
export async function saveSettings(filePath: string, settings: MainSettings): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  await writeFileAtomic(filePath, new TextEncoder().encode(`${JSON.stringify(settings, null, 2)}\n`));
}

/**
 * Default backup folder: `<Documents>/TalentLedger/backups`. It is outside the app profile on purpose,
 * so uninstalling the app or wiping its profile does not take the backups with it.
 */
export function defaultBackupFolder(documentsDir: string): string {
  return path.join(documentsDir, 'TalentLedger', 'backups');
}
