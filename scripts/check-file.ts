/**
 * The file checker: training bases pre-check a roster (units: a talent list or a 职称申报汇总表) before sending it.
 *   npm run check-file -- <file> [--kind roster|talents|certifications] [--json] [--unmask]
 * Node only, no database. Chinese report by default; `--json` prints exactly one JSON object.
 * Exit code 0: every row valid · 1: some row has an error · 2: the file cannot be read (or bad arguments).
 */
import { readFile, stat } from 'node:fs/promises';
import { checkerExitCode, checkerJson, checkImportFile } from '../shared/excel/checkImportFile';
import { formatCheckerOutput } from '../shared/excel/checkerReport';
import { importFileError } from '../shared/excel/importErrors';
import { CHECK_KINDS, isCheckKind, type CheckKind } from '../shared/excel/importKinds';
import { DEFAULT_MAX_UNCOMPRESSED_BYTES } from '../shared/excel/readWorkbook';
import { err } from '../shared/result';

const USAGE = `用法：npm run check-file -- <文件> [--kind ${CHECK_KINDS.join('|')}] [--json] [--unmask]
  --kind    文件类型：roster 培训花名册（默认）、talents 人才信息表、certifications 职称申报汇总表
  --json    输出一个 JSON 对象（机器读取）
  --unmask  完整显示证件号码和手机号码（默认部分隐藏）
退出码：0 全部通过；1 有数据行未通过；2 文件无法读取或参数错误`;

interface Arguments {
  file: string;
  kind: CheckKind;
  json: boolean;
  unmask: boolean;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  let file: string | undefined;
  let kind: CheckKind = 'roster';
  let json = false;
  let unmask = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--json') json = true;
    else if (arg === '--unmask') unmask = true;
    else if (arg === '--kind' || arg.startsWith('--kind=')) {
      const value = arg === '--kind' ? argv[(index += 1)] : arg.slice('--kind='.length);
      if (value === undefined || !isCheckKind(value)) return `不支持的类型：${value ?? '（缺少）'}（可选 ${CHECK_KINDS.join('、')}）`;
      kind = value;
    } else if (arg === '--help' || arg === '-h') return '';
    else if (arg.startsWith('--')) return `未知参数：${arg}`;
    else if (file === undefined) file = arg;
    else return `只能检查一个文件：${arg}`;
  }
  if (file === undefined) return '缺少文件名';
  return { file, kind, json, unmask };
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args ? `${args}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const name = args.file;
  let bytes: Uint8Array;
  try {
    const info = await stat(args.file);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > DEFAULT_MAX_UNCOMPRESSED_BYTES) {
      const refused = err(importFileError('FILE_TOO_LARGE', `文件大小超过 ${DEFAULT_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB`, 'the file is over the size limit'));
      await write(args.json ? `${JSON.stringify(checkerJson(name, refused))}\n` : formatCheckerOutput(name, refused));
      return 2;
    }
    bytes = new Uint8Array(await readFile(args.file));
  } catch (error) {
    const message = `无法打开文件：${args.file}（${error instanceof Error && 'code' in error ? String(error.code) : '读取失败'}）`;
    await write(args.json ? `${JSON.stringify({ file: name, error: { code: 'FILE_NOT_FOUND', message } })}\n` : `${message}\n`);
    return 2;
  }
  const result = await checkImportFile(bytes, name, args.kind);
  await write(args.json ? `${JSON.stringify(checkerJson(name, result))}\n` : formatCheckerOutput(name, result, { unmask: args.unmask }));
  return checkerExitCode(result);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`检查程序出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
