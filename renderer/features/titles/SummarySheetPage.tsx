/** 职称申报信息表: one application on one printable page (ID number masked), eligibility included. */
import { App, Button, Flex } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { applicationFields, applicationSummaryRow, evaluateEligibility, eligibilityRuleLabels } from '../../../shared/certification';
import { getApplication } from '../../data/applications';
import { useSettings } from '../../db';
import { useT } from '../../i18n';
import { PrintSheet, usePrintToPdf } from '../../platform';

const OUTCOME_TEXT = { met: '符合', notMet: '不符合', unknown: '待核实' } as const;

export function SummarySheetPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const settings = useSettings();
  const { print, printing } = usePrintToPdf();
  const application = useLiveQuery(() => getApplication(id), [id]);
  if (application === undefined || settings === undefined) return null;
  const mask = settings.maskPattern;
  const cells = applicationSummaryRow(application, 1, { unmasked: false, idMask: { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd } });
  const eligibility = evaluateEligibility(application, settings.titleRules);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} className="tl-no-print" align="center">
        <Button
          type="primary"
          loading={printing}
          onClick={async () => {
            const result = await print({ suggestedName: `职称申报信息表-${application.snapshot.name}` });
            if (!result.ok) void message.error(result.error.message);
          }}
        >
          {t('titles.sheet.print')}
        </Button>
        <Link to={`/titles/${id}`}>{t('titles.detail.back')}</Link>
      </Flex>
      <PrintSheet testId="summary-sheet">
        <h2 style={{ textAlign: 'center' }}>{t('titles.sheet.title')}</h2>
        <table className="tl-print-table">
          <tbody>
            {applicationFields.slice(1).map((field, index) => (
              <tr key={field.key}>
                <th style={{ width: '28%' }}>{field.zh}</th>
                <td>{String(cells[index + 1] ?? '')}</td>
              </tr>
            ))}
            {eligibility.map((entry) => (
              <tr key={entry.rule}>
                <th>{`资格：${eligibilityRuleLabels[entry.rule].zh}`}</th>
                <td>{`${OUTCOME_TEXT[entry.outcome]}\u3000${entry.message}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSheet>
    </Flex>
  );
}
