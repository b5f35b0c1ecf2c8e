import { describe, expect, it } from 'vitest';
import { cellText } from '../excel/grid';
import { readWorkbook } from '../excel/readWorkbook';
import { DEFAULT_TITLE_RULES } from './eligibility';
import { writeApplicationSummary, writeReviewResults } from './exports';
import { sampleApplication } from './sampleApplication';

async function sheetTexts(bytes: Uint8Array, name: string): Promise<string[][]> {
  const read = await readWorkbook(bytes, name);
  if (!read.ok) throw new Error(read.error.message);
  return (read.value.sheets[0]?.rows ?? []).map((row) => (row ?? []).map((cell) => cellText(cell)));
}

describe('title exports', () => {
  it('汇总表: title, the form columns, masked ID, eligibility in the opinion column', async () => {
    const application = sampleApplication({ unitPublicity: { startsOn: '2026-02-24', endsOn: '2026-03-02' } }, { currentTitleObtainedOn: '2023-01-01' });
    const rows = await sheetTexts(await writeApplicationSummary([application], '2026年职称申报人员汇总表', { unmasked: false }, DEFAULT_TITLE_RULES), 'a.xlsx');
    expect(rows[0]?.[0]).toBe('2026年职称申报人员汇总表');
    expect(rows[1]?.slice(0, 5)).toEqual(['序号', '姓名', '性别', '出生年月', '身份证号']);
    expect(rows[2]?.slice(0, 5)).toEqual(['1', '李明', '男', '1988-05', '310101********1234']);
    expect(rows[2]).toContain('工程系列/人工智能/高级工程师');
    expect(rows[2]).toContain('2026-02-24至2026-03-02');
    expect(rows[2]?.at(-1)).toBe('资格：任职年限不符');
  });

  it('评审结果: votes and result per application; full ID only when asked', async () => {
    const application = sampleApplication({ documentNumber: 'ZC2026-0001', status: 'reviewPassed', committeeVote: { votesFor: 11, votesTotal: 15, passed: true } });
    const rows = await sheetTexts(await writeReviewResults([application], '评审结果', { unmasked: true }), 'r.xlsx');
    expect(rows[2]).toEqual(['1', 'ZC2026-0001', '李明', '310101198805121234', '上海智元科技有限公司', '高级工程师', '11', '15', '通过', '评审通过']);
  });
});
