import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationRow, applicationSheets, craftXlsxLikeZip, csvText, deflateZeros, encodeGbk, randomBytes, realisticRosterSheets, rosterRow, ROSTER_HEADER, writeWorkbook } from '../shared/excel/testing/fixtures';

const root = join(import.meta.dirname, '..');
let folder = '';

function runChecker(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/check-file.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'check-file-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('check-file', { timeout: 90_000 }, () => {
  it('exits 0 and prints a Chinese summary for a clean roster', () => {
    const path = fixture('clean.xlsx', writeWorkbook(realisticRosterSheets([rosterRow(1), rosterRow(2), rosterRow(3)])));
    const { status, stdout } = runChecker(path);
    expect(status).toBe(0);
    expect(stdout).toContain('工作表：花名册，表头在第 4 行');
    expect(stdout).toContain('数据行：3 行；通过 3 行，有错误 0 行');
  });

  it('exits 1 with one JSON object listing the issues of a bad roster', () => {
    const bad = rosterRow(5);
    bad[4] = '110105194912310021';
    const numeric = rosterRow(6);
    numeric[4] = Number('310101199001011236');
    const path = fixture('bad.xlsx', writeWorkbook(realisticRosterSheets([rosterRow(1), rosterRow(2), bad, numeric])));
    const { status, stdout } = runChecker(path, '--kind', 'roster', '--json');
    expect(status).toBe(1);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ file: path, kind: 'roster', format: 'xlsx', sheet: '花名册', headerRow: 4, rows: 4, valid: 2, invalid: 2 });
    expect(json.issues).toEqual([
      expect.objectContaining({ row: 8, field: 'idNumber', column: '身份证号码', code: 'ID_CHECKSUM', severity: 'error', value: '110105194912310021' }),
      expect.objectContaining({ row: 9, code: 'ID_NUMERIC', value: '3.10101E+17' }),
    ]);
    const human = runChecker(path);
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('第 8 行：');
    expect(human.stdout).toContain('110105********0021');
  });

  it('checks a 职称申报汇总表 with --kind certifications', () => {
    const bad = applicationRow(3);
    bad[12] = ''; // 申报系列/专业/级别 is required
    const path = fixture('applications.xlsx', writeWorkbook(applicationSheets([applicationRow(1), applicationRow(2), bad])));
    const { status, stdout } = runChecker(path, '--kind', 'certifications', '--json');
    expect(status).toBe(1);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'certifications', sheet: '职称申报汇总表', headerRow: 3, rows: 3, valid: 2, invalid: 1 });
    expect(json.issues).toEqual([expect.objectContaining({ row: 6, field: 'appliedTitle', column: '申报系列/专业/级别', code: 'REQUIRED', severity: 'error' })]);
    const clean = fixture('applications-clean.xlsx', writeWorkbook(applicationSheets([applicationRow(1), applicationRow(2)])));
    expect(runChecker(clean, '--kind=certifications').status).toBe(0);
    expect(runChecker(clean, '--kind', 'titles').stderr).toContain('certifications');
  });

  it('reports the encoding of a GBK CSV', () => {
    const path = fixture('gbk.csv', encodeGbk(csvText([ROSTER_HEADER, rosterRow(1)])));
    const { status, stdout } = runChecker(path, '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 1, valid: 1 });
  });

  it('exits 2 with an error object for an unreadable file', () => {
    const path = fixture('random.xlsx', randomBytes(10_000));
    const { status, stdout } = runChecker(path, '--json');
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ file: path, error: { code: 'UNSUPPORTED_FORMAT', message: expect.any(String) } });
    const human = runChecker(path);
    expect(human.status).toBe(2);
    expect(human.stdout).toContain('无法检查');
  });

  it('refuses a zip bomb that understates its size (1 GiB of zeros declared as 1,000 bytes) in seconds', () => {
    const path = fixture('bomb.xlsx', craftXlsxLikeZip({ name: 'xl/worksheets/sheet1.xml', data: deflateZeros(1024 * 1024 * 1024), method: 8, declaredSize: 1000 }));
    const started = performance.now();
    const { status, stdout } = runChecker(path, '--json');
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('exits 2 on bad arguments', () => {
    expect(runChecker().status).toBe(2);
    expect(runChecker('x.xlsx', '--kind', 'nonsense').status).toBe(2);
  });
});
