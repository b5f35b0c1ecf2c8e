import { describe, expect, it } from 'vitest';
import { createSha256, sha256Hex } from './sha256';

const utf8 = new TextEncoder();

/** Deterministic pseudo-random bytes (xorshift32), so failures reproduce. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Reference digest from WebCrypto (a global in Node and browsers; the pure layer may not import node:crypto). */
async function webCryptoSha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex (FIPS 180-4 / NIST vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %j', (text, expected) => {
    expect(sha256Hex(utf8.encode(text))).toBe(expected);
  });

  it('hashes one million "a"', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes UTF-8 Chinese text like WebCrypto does', async () => {
    const bytes = utf8.encode('人才台账：张三 310101194912310021');
    expect(sha256Hex(bytes)).toBe(await webCryptoSha256(bytes));
  });

  it('matches WebCrypto at every length around the padding boundaries', async () => {
    const data = pseudoRandomBytes(300, 7);
    for (let length = 0; length <= 300; length++) {
      const slice = data.subarray(0, length);
      expect(sha256Hex(slice), `length ${length}`).toBe(await webCryptoSha256(slice));
    }
  });
});

describe('Sha256 incremental', () => {
  it('gives the same digest however the input is split into chunks', async () => {
    const data = pseudoRandomBytes(10_000, 42);
    const expected = await webCryptoSha256(data);
    for (const chunkSize of [1, 3, 63, 64, 65, 127, 1000, 4096, 9999]) {
      const hash = createSha256();
      for (let offset = 0; offset < data.length; offset += chunkSize) hash.update(data.subarray(offset, offset + chunkSize));
      expect(hash.digestHex(), `chunk ${chunkSize}`).toBe(expected);
    }
    // Irregular splits, including empty chunks.
    const hash = createSha256();
    let offset = 0;
    const sizes = [0, 5, 0, 59, 1, 200, 0, 17];
    for (let i = 0; offset < data.length; i++) {
      const size = sizes[i % sizes.length]!;
      hash.update(data.subarray(offset, offset + size));
      offset += size;
    }
    expect(hash.digestHex()).toBe(expected);
  });

  it('refuses updates after the digest was read (a reused hash is a bug)', () => {
    const hash = createSha256().update(utf8.encode('abc'));
    expect(hash.digestHex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hash.digestHex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(() => hash.update(new Uint8Array(1))).toThrow();
  });

  it('hashes at a useful speed (figure printed; floor set low for slow, shared CI machines)', async () => {
    const data = pseudoRandomBytes(32 * 1024 * 1024, 3);
    sha256Hex(data.subarray(0, 4 * 1024 * 1024)); // warm up the JIT
    // CPU time as well as wall time: other processes on a shared machine inflate the wall figure.
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const hex = sha256Hex(data);
    const wallSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.info(`sha256: ${(32 / wallSeconds).toFixed(0)} MiB/s wall, ${(32 / cpuSeconds).toFixed(0)} MiB/s of CPU time, over 32 MiB`);
    expect(hex).toBe(await webCryptoSha256(data));
    expect(32 / wallSeconds).toBeGreaterThan(20);
  });
});
