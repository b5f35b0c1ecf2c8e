import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitWindowStateToWorkAreas, loadWindowState, parseWindowState, saveWindowState } from './windowState';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tl-window-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('parseWindowState', () => {
  it('reads a valid state', () => {
    expect(parseWindowState('{"width":1400,"height":900,"x":10,"y":20,"maximized":true}'))
      .toEqual({ width: 1400, height: 900, x: 10, y: 20, maximized: true });
  });

  it('falls back to the defaults for corrupt or wrong-shaped JSON', () => {
    for (const text of ['', '{', 'null', '[]', '"x"', '{"width":"1400","height":900}', '{"width":1e9,"height":900}', '{"width":1400.5,"height":900}', '{"width":1400}']) {
      expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('raises a too-small size to the minimum and drops a half position', () => {
    expect(parseWindowState('{"width":300,"height":250,"x":5}')).toEqual({ width: 960, height: 600, maximized: false });
  });
});

describe('fitWindowStateToWorkAreas', () => {
  const laptop = { x: 0, y: 0, width: 1366, height: 728 };
  const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

  it('keeps a window that is on a display', () => {
    const state = { width: 1280, height: 700, x: 1500, y: 50, maximized: false };
    expect(fitWindowStateToWorkAreas(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('re-centres a window left on an unplugged monitor', () => {
    const state = { width: 1280, height: 700, x: 1500, y: 50, maximized: false };
    expect(fitWindowStateToWorkAreas(state, [laptop])).toEqual({ width: 1280, height: 700, maximized: false });
  });

  it('re-centres a window whose title bar is above the screen', () => {
    const state = { width: 1000, height: 700, x: 100, y: -400, maximized: false };
    expect(fitWindowStateToWorkAreas(state, [laptop])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window larger than every display', () => {
    const state = { width: 2560, height: 1400, x: 0, y: 0, maximized: true };
    expect(fitWindowStateToWorkAreas(state, [laptop])).toEqual({ width: 1366, height: 728, x: 0, y: 0, maximized: true });
  });
});

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through the file', async () => {
    const file = path.join(folder, 'window-state.json');
    await saveWindowState(file, { width: 1300, height: 820, x: 40, y: 30, maximized: false });
    expect(await loadWindowState(file)).toEqual({ width: 1300, height: 820, x: 40, y: 30, maximized: false });
    expect(await fs.readdir(folder)).toEqual(['window-state.json']);
  });

  it('gives the defaults for a missing or corrupt file', async () => {
    expect(await loadWindowState(path.join(folder, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const corrupt = path.join(folder, 'window-state.json');
    await fs.writeFile(corrupt, '{"width":1300,"hei');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
    await fs.writeFile(corrupt, Buffer.from([0xff, 0xfe, 0x00]));
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
