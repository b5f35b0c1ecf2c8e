/**
 * The app-own `app://talentledger/…` protocol: which origin counts as ours, and how a request URL maps
 * to a file under the built renderer folder. Pure (no Electron) so Node tests can attack the guard.
 */
import path from 'node:path';
import { err, ok, type Result } from '../shared/result';

/** Scheme of the app-own protocol, registered as privileged before `app.ready`. */
export const APP_SCHEME = 'app';

/**
 * Host part of every renderer URL.
 *
 * NEVER change `APP_SCHEME` or `APP_HOST` after a release. Chromium keys IndexedDB, localStorage and
 * every other per-origin store by origin; a new origin starts with an empty database and the clerk's
 * records would look lost (Electron apps have lost user data exactly this way). A change needs a data
 * migration first.
 */
export const APP_HOST = 'talentledger';

/** The renderer's origin as Chromium reports it for our standard, secure scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** URL of the renderer's entry page. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged`; see docs/security.md for why each is on. */
export const APP_SCHEME_PRIVILEGES = {
  // `standard` gives the scheme a real origin (IndexedDB, relative URLs, workers);
  // `secure` makes it a secure context like https; `supportFetchAPI` lets fetch() and module
  // scripts load from it. `corsEnabled` stays off on purpose: it would let other origins read our files.
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/**
 * True when `url` is on our origin (`app://talentledger`, no credentials, no port).
 * Uses the URL parser, never a string prefix: `app://talentledger.evil/` and
 * `app://talentledger@evil/` must not pass.
 */
export function isAppOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const PROTOCOL_ERRORS = {
  notOurs: { code: 'PROTOCOL_FOREIGN_URL', message: '请求的地址不属于本应用。', messageEn: 'The URL does not belong to this app.' },
  badPath: { code: 'PROTOCOL_BAD_PATH', message: '请求的路径无效。', messageEn: 'The requested path is invalid.' },
  outside: { code: 'PROTOCOL_PATH_OUTSIDE_ROOT', message: '请求的路径超出了应用目录。', messageEn: 'The requested path is outside the app folder.' },
} as const;

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'join' | 'sep'>;

/**
 * Maps an `app://talentledger/<path>` request to an absolute file path under `rendererRoot`.
 *
 * Steps: parse with `URL` (which already folds literal `..` segments), percent-decode the path,
 * refuse NUL and backslashes (an encoded `%5c` is a separator on Windows), resolve under the root,
 * then refuse anything whose path relative to the root climbs out or lands on another drive.
 * A path whose last segment has no extension is a client-side route and gets `index.html`.
 * `pathApi` exists so tests can check Windows semantics on Linux (`path.win32`).
 */
export function resolveAppRequestPath(requestUrl: string, rendererRoot: string, pathApi: PathApi = path): Result<string> {
  if (!isAppOrigin(requestUrl)) return err(PROTOCOL_ERRORS.notOurs);
  const pathname = new URL(requestUrl).pathname;

  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return err(PROTOCOL_ERRORS.badPath);
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return err(PROTOCOL_ERRORS.badPath);

  const segments = decoded.split('/').filter((segment) => segment !== '');
  const lastSegment = segments.at(-1);
  const isRoute = lastSegment === undefined || !lastSegment.includes('.') || lastSegment.startsWith('.');
  // Dot-files and route-like paths never name an asset; both get the entry page.
  const relativeRequest = isRoute ? 'index.html' : segments.join('/');

  const root = pathApi.resolve(rendererRoot);
  const resolved = pathApi.resolve(root, relativeRequest);
  const relative = pathApi.relative(root, resolved);
  if (relative === '' || relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative)) {
    return err(PROTOCOL_ERRORS.outside);
  }
  return ok(resolved);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Content type for a served file; module scripts and workers refuse to run without a JavaScript type. */
export function contentTypeForPath(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
