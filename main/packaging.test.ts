/** The electron-builder config and icons under build/: they load, validate, and keep the security fuses. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..');
const configPath = path.join(root, 'build', 'electron-builder.config.cjs');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  linux: { target: Array<{ target: string; arch: string[] }>; icon: string };
}

function loadConfig(testBuild: boolean): BuilderConfig {
  const previous = process.env.TL_TEST_BUILD;
  if (testBuild) process.env.TL_TEST_BUILD = '1';
  else delete process.env.TL_TEST_BUILD;
  try {
    delete require.cache[require.resolve(configPath)];
    return require(configPath) as BuilderConfig;
  } finally {
    if (previous === undefined) delete process.env.TL_TEST_BUILD;
    else process.env.TL_TEST_BUILD = previous;
  }
}

afterEach(() => {
  delete require.cache[require.resolve(configPath)];
});

describe('electron-builder config', () => {
  it('names the app and packages only the build output', () => {
    const config = loadConfig(false);
    expect(config.appId).toBe('cn.gov.sh.talentledger');
    expect(config.productName).toBe('人才台账');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
  });

  it('targets Windows NSIS x64 and Linux deb + AppImage for x64 and arm64', () => {
    const config = loadConfig(false);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('ships with hardened fuses and keeps the inspect fuse only for test builds', () => {
    const shipped = loadConfig(false).electronFuses;
    expect(shipped).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(loadConfig(true).electronFuses.enableNodeCliInspectArguments).toBe(true);
  });

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(loadConfig(false), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });
});

describe('icons', () => {
  function pngSize(file: string): [number, number] {
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  }

  it('has a PNG for every size from 16 to 512', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(root, 'build', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    }
  });

  it('has a Windows .ico holding 16…256', () => {
    const ico = readFileSync(path.join(root, 'build', 'icons', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + index * 16) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (let index = 0; index < count; index += 1) {
      const length = ico.readUInt32LE(6 + index * 16 + 8);
      const offset = ico.readUInt32LE(6 + index * 16 + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
    }
  });
});
