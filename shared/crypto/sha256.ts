/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, incremental: feed any number of byte chunks, then read
 * the digest. WebCrypto's `subtle.digest` needs the whole input at once, which a streamed backup of
 * hundreds of megabytes cannot give it; this runs unchanged in Node, Web Workers and the renderer.
 *
 * Speed comes from working on 32-bit words in typed arrays, compressing blocks straight out of the
 * caller's bytes (only a partial trailing block is copied) and allocating nothing per block.
 */

const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL_STATE = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const BLOCK_BYTES = 64;
const HEX_DIGITS = '0123456789abcdef';

/** An incremental SHA-256 computation. Call {@link Sha256.update} any number of times, then one digest method. */
export class Sha256 {
  private readonly state = new Int32Array(INITIAL_STATE);
  private readonly schedule = new Int32Array(64);
  /** Holds a partial block between `update` calls. */
  private readonly pending = new Uint8Array(BLOCK_BYTES);
  private pendingLength = 0;
  /** Total bytes hashed; a double is exact up to 2^53 bytes, far beyond any backup. */
  private totalBytes = 0;
  private finished = false;

  /** Adds bytes to the message. Returns `this` so calls chain. */
  update(bytes: Uint8Array): this {
    if (this.finished) throw new Error('Sha256: update after digest');
    let offset = 0;
    const length = bytes.length;
    this.totalBytes += length;
    if (this.pendingLength > 0) {
      const take = Math.min(BLOCK_BYTES - this.pendingLength, length);
      this.pending.set(bytes.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      offset = take;
      if (this.pendingLength < BLOCK_BYTES) return this;
      this.compress(this.pending, 0);
      this.pendingLength = 0;
    }
    while (offset + BLOCK_BYTES <= length) {
      this.compress(bytes, offset);
      offset += BLOCK_BYTES;
    }
    if (offset < length) {
      this.pending.set(bytes.subarray(offset), 0);
      this.pendingLength = length - offset;
    }
    return this;
  }

  /** Finishes the computation and returns the 32-byte digest. The object cannot be updated afterwards. */
  digest(): Uint8Array {
    if (!this.finished) this.finish();
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const word = this.state[i] ?? 0;
      out[i * 4] = word >>> 24;
      out[i * 4 + 1] = (word >>> 16) & 0xff;
      out[i * 4 + 2] = (word >>> 8) & 0xff;
      out[i * 4 + 3] = word & 0xff;
    }
    return out;
  }

  /** Finishes the computation and returns the digest as 64 lowercase hex digits. */
  digestHex(): string {
    const bytes = this.digest();
    let hex = '';
    for (const byte of bytes) hex += HEX_DIGITS[byte >>> 4]! + HEX_DIGITS[byte & 15]!;
    return hex;
  }

  private finish(): void {
    const bitLength = this.totalBytes * 8;
    const block = this.pending;
    let used = this.pendingLength;
    block[used++] = 0x80;
    if (used > BLOCK_BYTES - 8) {
      block.fill(0, used);
      this.compress(block, 0);
      used = 0;
    }
    block.fill(0, used, BLOCK_BYTES - 8);
    // Big-endian 64-bit bit length; the high word via division because bitwise ops truncate to 32 bits.
    const high = Math.floor(bitLength / 0x1_0000_0000);
    const low = bitLength >>> 0;
    block[56] = high >>> 24;
    block[57] = (high >>> 16) & 0xff;
    block[58] = (high >>> 8) & 0xff;
    block[59] = high & 0xff;
    block[60] = low >>> 24;
    block[61] = (low >>> 16) & 0xff;
    block[62] = (low >>> 8) & 0xff;
    block[63] = low & 0xff;
    this.compress(block, 0);
    this.finished = true;
  }

  private compress(bytes: Uint8Array, offset: number): void {
    const w = this.schedule;
    const k = ROUND_CONSTANTS;
    for (let i = 0, j = offset; i < 16; i++, j += 4) {
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    const state = this.state;
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    let e = state[4]!;
    let f = state[5]!;
    let g = state[6]!;
    let h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choice = (e & f) ^ (~e & g);
      const t1 = (h + sum1 + choice + k[i]! + w[i]!) | 0;
      const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (sum0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }
}

/** Starts an incremental SHA-256 computation. */
export function createSha256(): Sha256 {
  return new Sha256();
}

/** SHA-256 of `bytes` as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return new Sha256().update(bytes).digestHex();
}
