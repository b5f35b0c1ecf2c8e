import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeAtomicWriteFs, writeFileAtomic, type AtomicWriteFs } from './atomicWrite';

let folder: string;

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tl-atomic-'));
});

afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes new files and replaces existing ones whole', async () => {
    const target = path.join(folder, '人才台账.xlsx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    await writeFileAtomic(target, new Uint8Array([9]));
    expect([...(await fs.readFile(target))]).toEqual([9]);
    expect(await fs.readdir(folder)).toEqual(['人才台账.xlsx']);
  });

  it('writes empty files', async () => {
    const target = path.join(folder, 'empty.json');
    await writeFileAtomic(target, new Uint8Array(0));
    expect((await fs.stat(target)).size).toBe(0);
  });

  it('leaves no partial file and keeps the old content when the write fails half-way', async () => {
    const target = path.join(folder, 'roster.tlbak');
    await fs.writeFile(target, 'old complete content');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      async open(filePath, flags) {
        const handle = await nodeAtomicWriteFs.open(filePath, flags);
        return {
          async write(buffer, offset, _length, position) {
            // Half the bytes reach the disk, then the disk "fills up".
            await handle.write(buffer, offset, 2, position);
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3, 4, 5, 6]), failingFs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(target, 'utf8')).toBe('old complete content');
    expect(await fs.readdir(folder)).toEqual(['roster.tlbak']);
  });

  it('leaves no temp file and no target when fsync fails', async () => {
    const target = path.join(folder, 'new.tlbak');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      async open(filePath, flags) {
        const handle = await nodeAtomicWriteFs.open(filePath, flags);
        return {
          write: (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
          sync: async () => {
            throw Object.assign(new Error('EIO'), { code: 'EIO' });
          },
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]), failingFs)).rejects.toMatchObject({ code: 'EIO' });
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('leaves no temp file when the rename fails', async () => {
    const target = path.join(folder, 'x.tlbak');
    const failingFs: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(target, new Uint8Array([1]), failingFs)).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(folder, 'missing', 'a.tlbak'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
