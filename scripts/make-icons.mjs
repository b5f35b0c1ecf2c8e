#!/usr/bin/env node
/**
 * Renders build/icon.svg to the PNG sizes electron-builder needs (build/icons/<n>x<n>.png, 16–512)
 * and wraps them into build/icons/icon.ico, using the system Chromium through Playwright.
 * Run after editing the SVG: `node scripts/make-icons.mjs`; commit the outputs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SVG_PATH = path.join(ROOT, 'build', 'icon.svg');
const ICONS_DIR = path.join(ROOT, 'build', 'icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Sizes inside the .ico. Small ones as BMP for old Windows tools (NSIS, rcedit); 256 as PNG, as Windows expects. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICO_PNG_MIN_SIZE = 256;

/**
 * Renders the SVG at `size`×`size` in a canvas; returns PNG bytes and raw RGBA pixels.
 * @param {import('@playwright/test').Page} page
 * @param {string} svg
 * @param {number} size
 */
async function render(page, svg, size) {
  const result = await page.evaluate(async ({ svgText, edge }) => {
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svgText)))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = edge;
    canvas.height = edge;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, edge, edge);
    const pixels = Array.from(context.getImageData(0, 0, edge, edge).data);
    return { dataUrl: canvas.toDataURL('image/png'), pixels };
  }, { svgText: svg, edge: size });
  return {
    png: Buffer.from(result.dataUrl.slice(result.dataUrl.indexOf(',') + 1), 'base64'),
    rgba: Uint8Array.from(result.pixels),
  };
}

/**
 * A 32-bit BMP icon image (BITMAPINFOHEADER + bottom-up BGRA + empty AND mask).
 * @param {Uint8Array} rgba
 * @param {number} size
 */
function bmpIconImage(rgba, size) {
  const header = Buffer.alloc(40);
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const pixelBytes = size * size * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16);
  header.writeUInt32LE(pixelBytes + maskRowBytes * size, 20);
  const pixels = Buffer.alloc(pixelBytes);
  for (let y = 0; y < size; y += 1) {
    const sourceRow = (size - 1 - y) * size * 4;
    for (let x = 0; x < size; x += 1) {
      const from = sourceRow + x * 4;
      const to = (y * size + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)]);
}

/**
 * An .ico file around the given images (ICONDIR, one ICONDIRENTRY each, then the image data).
 * @param {{ size: number, data: Buffer }[]} images
 */
export function icoFile(images) {
  const directory = Buffer.alloc(6 + images.length * 16);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + index * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt8(0, entry + 2);
    directory.writeUInt8(0, entry + 3);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.data)]);
}

async function main() {
  const svg = await fs.readFile(SVG_PATH, 'utf8');
  await fs.mkdir(ICONS_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    /** @type {Map<number, { png: Buffer, rgba: Uint8Array }>} */
    const rendered = new Map();
    for (const size of PNG_SIZES) {
      const image = await render(page, svg, size);
      rendered.set(size, image);
      await fs.writeFile(path.join(ICONS_DIR, `${size}x${size}.png`), image.png);
    }
    const largest = rendered.get(512);
    if (largest) await fs.writeFile(path.join(ICONS_DIR, 'icon.png'), largest.png);
    const icoImages = ICO_SIZES.map((size) => {
      const image = rendered.get(size);
      if (!image) throw new Error(`missing ${size}px rendering`);
      return { size, data: size >= ICO_PNG_MIN_SIZE ? image.png : bmpIconImage(image.rgba, size) };
    });
    await fs.writeFile(path.join(ICONS_DIR, 'icon.ico'), icoFile(icoImages));
    console.log(`✓ ${PNG_SIZES.length} PNG + icon.png + icon.ico → ${path.relative(ROOT, ICONS_DIR)}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
