/**
 * Remembered window size and position, kept as JSON in userData.
 * Pure Node (no Electron): main.ts passes in the displays' work areas.
 */
import fs from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

/** Size, optional position and maximized flag of the main window. */
export interface WindowState {
  width: number;
  height: number;
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  maximized: boolean;
}

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest window the layout is designed for. */
export const MIN_WINDOW_WIDTH = 960;
export const MIN_WINDOW_HEIGHT = 600;

/** First start: large enough for the roster table, small enough for a 1366×768 office laptop. */
export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({ width: 1280, height: 760, maximized: false });

/** File name of the window state inside userData. */
export const WINDOW_STATE_FILE_NAME = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const windowStateSchema = z.object({
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  x: coordinate.optional(),
  y: coordinate.optional(),
  maximized: z.boolean().optional(),
});

/** Parses saved JSON; anything unreadable or out of range yields the defaults (a bad file must never block start-up). */
export function parseWindowState(text: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = windowStateSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { width, height, x, y, maximized } = parsed.data;
  const state: WindowState = {
    width: Math.max(width, MIN_WINDOW_WIDTH),
    height: Math.max(height, MIN_WINDOW_HEIGHT),
    maximized: maximized ?? false,
  };
  // A position needs both coordinates; half of one is no position.
  if (x !== undefined && y !== undefined) {
    state.x = x;
    state.y = y;
  }
  return state;
}

/** How much of the window (px) must overlap a display for the clerk to reach its title bar. */
const MIN_VISIBLE_PX = 100;

/**
 * Fits a saved state to the displays present now: a window left on an unplugged monitor is
 * re-centred, and a window larger than every display shrinks to the largest work area.
 */
export function fitWindowStateToWorkAreas(state: WindowState, workAreas: readonly ScreenRect[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const largestWidth = Math.max(...workAreas.map((area) => area.width));
  const largestHeight = Math.max(...workAreas.map((area) => area.height));
  const fitted: WindowState = {
    width: Math.min(state.width, largestWidth),
    height: Math.min(state.height, largestHeight),
    maximized: state.maximized,
  };
  if (state.x === undefined || state.y === undefined) return fitted;
  const window = { x: state.x, y: state.y, width: fitted.width, height: fitted.height };
  const reachable = workAreas.some((area) => overlapLength(window.x, window.width, area.x, area.width) >= MIN_VISIBLE_PX
    && overlapLength(window.y, window.height, area.y, area.height) >= Math.min(MIN_VISIBLE_PX, window.height)
    // The title bar (top edge) must be on the display, not above it.
    && window.y >= area.y - 10 && window.y < area.y + area.height - 40);
  if (reachable) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}

function overlapLength(start1: number, length1: number, start2: number, length2: number): number {
  return Math.max(0, Math.min(start1 + length1, start2 + length2) - Math.max(start1, start2));
}

/** Reads the saved state; a missing or corrupt file gives the defaults. */
export async function loadWindowState(filePath: string): Promise<WindowState> {
  try {
    return parseWindowState(await fs.readFile(filePath, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Saves the state atomically so a crash mid-write cannot leave a half file behind. */
export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  const json = `${JSON.stringify(state, null, 2)}\n`;
  await writeFileAtomic(filePath, new TextEncoder().encode(json));
}
