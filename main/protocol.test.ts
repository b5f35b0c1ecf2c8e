import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, contentTypeForPath, isAppOrigin, resolveAppRequestPath } from './protocol';

const root = path.resolve('/opt/talentledger/dist/renderer');

function resolved(url: string): string | undefined {
  const result = resolveAppRequestPath(url, root);
  return result.ok ? result.value : undefined;
}

function errorCode(url: string, rootPath = root, pathApi: typeof path = path): string | undefined {
  const result = resolveAppRequestPath(url, rootPath, pathApi);
  return result.ok ? undefined : result.error.code;
}

describe('isAppOrigin', () => {
  it('accepts our origin and its paths', () => {
    expect(APP_ORIGIN).toBe('app://talentledger');
    expect(isAppOrigin('app://talentledger/index.html')).toBe(true);
    expect(isAppOrigin('app://talentledger')).toBe(true);
    expect(isAppOrigin('app://talentledger/#/talents?q=1')).toBe(true);
  });

  it('refuses look-alikes that a string prefix check would let through', () => {
    expect(isAppOrigin('app://talentledger.evil.com/')).toBe(false);
    expect(isAppOrigin('app://talentledger@evil/')).toBe(false);
    expect(isAppOrigin('app://user:pw@talentledger/')).toBe(false);
    expect(isAppOrigin('app://talentledger:8080/')).toBe(false);
    expect(isAppOrigin('apps://talentledger/')).toBe(false);
    expect(isAppOrigin('https://talentledger/')).toBe(false);
    expect(isAppOrigin('file:///talentledger/index.html')).toBe(false);
    expect(isAppOrigin('not a url')).toBe(false);
    expect(isAppOrigin('')).toBe(false);
  });
});

describe('resolveAppRequestPath', () => {
  it('maps assets under the renderer root', () => {
    expect(resolved('app://talentledger/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolved('app://talentledger/assets/index-abc123.js')).toBe(path.join(root, 'assets', 'index-abc123.js'));
    expect(resolved('app://talentledger/assets/%E4%BA%BA%E6%89%8D.png')).toBe(path.join(root, 'assets', '人才.png'));
    expect(resolved('app://talentledger/assets/app.js?v=2#top')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('serves the entry page for the root and for client-side routes', () => {
    expect(resolved('app://talentledger/')).toBe(path.join(root, 'index.html'));
    expect(resolved('app://talentledger')).toBe(path.join(root, 'index.html'));
    expect(resolved('app://talentledger/talents/42')).toBe(path.join(root, 'index.html'));
    expect(resolved('app://talentledger/.env')).toBe(path.join(root, 'index.html'));
  });

  it('keeps literal dot-dot segments inside the root (the URL parser folds them)', () => {
    expect(resolved('app://talentledger/../../etc/passwd.txt')).toBe(path.join(root, 'etc', 'passwd.txt'));
    // No extension → treated as a route → entry page, never /etc/passwd.
    expect(resolved('app://talentledger/../../etc/passwd')).toBe(path.join(root, 'index.html'));
  });

  it('refuses encoded traversal', () => {
    expect(errorCode('app://talentledger/%2e%2e%2f%2e%2e%2fetc/passwd.txt')).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    expect(errorCode('app://talentledger/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.json')).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    expect(errorCode('app://talentledger/%2E%2E%2F..%2Fhome.js')).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    expect(errorCode('app://talentledger/%2e%2e%2frenderer-evil/x.js')).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
  });

  it('refuses encoded backslashes, which are separators on Windows', () => {
    expect(errorCode('app://talentledger/..%5c..%5cwindows%5cwin.ini')).toBe('PROTOCOL_BAD_PATH');
    expect(errorCode('app://talentledger/assets%5capp.js')).toBe('PROTOCOL_BAD_PATH');
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(errorCode('app://talentledger/index.html%00.png')).toBe('PROTOCOL_BAD_PATH');
    expect(errorCode('app://talentledger/%E4%BA.js')).toBe('PROTOCOL_BAD_PATH');
    expect(errorCode('app://talentledger/%zz.js')).toBe('PROTOCOL_BAD_PATH');
  });

  it('refuses other hosts and schemes', () => {
    expect(errorCode('app://evil/index.html')).toBe('PROTOCOL_FOREIGN_URL');
    expect(errorCode('file:///etc/passwd')).toBe('PROTOCOL_FOREIGN_URL');
    expect(errorCode('app://talentledger.evil/index.html')).toBe('PROTOCOL_FOREIGN_URL');
  });

  it('stays inside the root with Windows path rules too (drive letters, UNC)', () => {
    const winRoot = 'C:\\Program Files\\人才台账\\resources\\app.asar\\dist\\renderer';
    const ok = resolveAppRequestPath('app://talentledger/assets/a.js', winRoot, path.win32);
    expect(ok).toEqual({ ok: true, value: `${winRoot}\\assets\\a.js` });
    expect(errorCode('app://talentledger/%2e%2e%2f%2e%2e%2fwin.ini', winRoot, path.win32)).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    expect(errorCode('app://talentledger/C:%2fWindows%2fwin.ini', winRoot, path.win32)).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    expect(errorCode('app://talentledger/D:x.js', winRoot, path.win32)).toBe('PROTOCOL_PATH_OUTSIDE_ROOT');
    // Empty segments are dropped, so an encoded UNC prefix becomes a plain relative path inside the root.
    expect(resolveAppRequestPath('app://talentledger/%2f%2fserver%2fshare%2fx.js', winRoot, path.win32))
      .toEqual({ ok: true, value: `${winRoot}\\server\\share\\x.js` });
    expect(errorCode('app://talentledger/..%5cwin.ini', winRoot, path.win32)).toBe('PROTOCOL_BAD_PATH');
  });
});

describe('contentTypeForPath', () => {
  it('gives JavaScript a JavaScript type so module scripts and workers run', () => {
    expect(contentTypeForPath('/x/assets/worker-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeForPath('/x/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeForPath('/x/a.wasm')).toBe('application/wasm');
    expect(contentTypeForPath('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
