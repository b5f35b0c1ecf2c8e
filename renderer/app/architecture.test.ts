/**
 * Layering of the renderer (bulletproof-react): features never import each other; shared UI
 * (components/), storage (db/), platform/, i18n/ and workers/ never import features or the app shell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rendererRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Resolved import targets (relative imports only) of a file, as paths relative to renderer/. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((match) => match[1] ?? '');
  return specifiers.map((specifier) => path.relative(rendererRoot, path.resolve(path.dirname(file), specifier)));
}

function layerOf(relativePath: string): string {
  const [top, second] = relativePath.split(path.sep);
  return top === 'features' ? `features/${second ?? ''}` : (top ?? '');
}

describe('renderer layering', () => {
  const files = sourceFiles(rendererRoot).filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'));

  it('has feature folders to check', () => {
    expect(files.some((file) => file.includes(`${path.sep}features${path.sep}`))).toBe(true);
  });

  it('keeps features apart and the shared layers free of features and app', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(path.relative(rendererRoot, file));
      for (const target of relativeImports(file)) {
        const to = layerOf(target);
        if (to === from) continue;
        const fromFeature = from.startsWith('features/');
        const toFeature = to.startsWith('features/');
        if (fromFeature && (toFeature || to === 'app')) violations.push(`${from} → ${to}`);
        // bench/ is a composition root like app/ (only in the bench build): it drives features' real code paths.
        if (!fromFeature && from !== 'app' && from !== 'bench' && from !== 'main.tsx' && (toFeature || to === 'app')) violations.push(`${from} → ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
