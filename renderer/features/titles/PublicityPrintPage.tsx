/** 评审结果公示名单 of a review batch: a printable sheet (ID numbers masked) → printToPdf. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { appliedLevelOptions, aiSubSpecialtyOptions, type ApplicationStatus, type DateRange } from '../../../shared/certification';
import { codeLabel } from '../../../shared/codes';
import { maskIdNumber } from '../../../shared/identity/mask';
import { todayYmd } from '../../../shared/dates/ymd';
import { computePublicityPeriod, listApplications } from '../../data/applications';
import { getDatabase, useSettings } from '../../db';
import { useT } from '../../i18n';
import { PrintSheet, usePrintToPdf } from '../../platform';

/** States of applications that appear on the list: passed review, whatever happened since. */
const LISTED: ReadonlySet<ApplicationStatus> = new Set(['reviewPassed', 'publicity', 'publicityClear', 'publicityObjection', 'recheck', 'certified']);

export function PublicityPrintPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const settings = useSettings();
  const { print, printing } = usePrintToPdf();
  const batch = useLiveQuery(() => getDatabase().reviewBatches.get(id), [id]);
  const applications = useLiveQuery(async () => (await listApplications({ reviewBatchId: id })).filter((application) => LISTED.has(application.status)).sort((a, b) => a.documentNumber.localeCompare(b.documentNumber)), [id]);
  const [preview, setPreview] = useState<(DateRange & { missingYears: number[] }) | null>(null);
  const stored = applications?.find((application) => application.publicity !== null)?.publicity ?? null;

  useEffect(() => {
    if (stored !== null) return;
    void computePublicityPeriod(todayYmd()).then((period) => setPreview(period.ok ? period.value : null));
  }, [stored]);

  const period = stored ?? preview;
  const mask = settings?.maskPattern;
  const idMask = mask ? { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd } : undefined;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} className="tl-no-print" align="center">
        <Button
          type="primary"
          loading={printing}
          data-testid="publicity-print"
          onClick={async () => {
            const result = await print({ suggestedName: `${batch?.name ?? ''}公示名单`, landscape: true });
            if (!result.ok) void message.error(result.error.message);
            else if (!result.value.canceled && result.value.path) void message.success(t('titles.publicity.printed', { path: result.value.path }));
          }}
        >
          {t('titles.publicity.print')}
        </Button>
        <Link to={`/titles/batches/${id}`}>{t('titles.publicity.back')}</Link>
        {preview && preview.missingYears.length > 0 && <Alert type="warning" showIcon title={t('titles.publicity.calendarMissing', { years: preview.missingYears.join('、') })} />}
      </Flex>
      <PrintSheet landscape testId="publicity-sheet">
        <h2 style={{ textAlign: 'center', margin: '0 0 12px' }}>{t('titles.publicity.title', { name: batch?.name ?? '' })}</h2>
        <p style={{ textIndent: '2em', lineHeight: 1.8 }}>
          {t('titles.publicity.intro', {
            committee: batch?.committeeName ?? '',
            name: batch?.name ?? '',
            start: period?.startsOn ?? '',
            end: period?.endsOn ?? '',
            days: settings?.publicityWorkingDays ?? 5,
          })}
        </p>
        {applications && applications.length === 0 ? (
          <p>{t('titles.publicity.empty')}</p>
        ) : (
          <table className="tl-print-table" data-testid="publicity-table">
            <thead>
              <tr>
                <th>{t('titles.publicity.serial')}</th>
                <th>{t('titles.columns.name')}</th>
                <th>{t('titles.publicity.gender')}</th>
                <th>{t('titles.columns.idNumber')}</th>
                <th>{t('titles.columns.employer')}</th>
                <th>{t('titles.publicity.specialty')}</th>
                <th>{t('titles.columns.level')}</th>
              </tr>
            </thead>
            <tbody>
              {(applications ?? []).map((application, index) => (
                <tr key={application.id}>
                  <td>{index + 1}</td>
                  <td>{application.snapshot.name}</td>
                  <td>{application.snapshot.gender === 'M' ? '男' : application.snapshot.gender === 'F' ? '女' : ''}</td>
                  <td>{maskIdNumber(application.snapshot.idNumber, idMask)}</td>
                  <td>{application.snapshot.employer}</td>
                  <td>{`人工智能${application.subSpecialty ? `（${codeLabel(aiSubSpecialtyOptions, application.subSpecialty)}）` : ''}`}</td>
                  <td>{codeLabel(appliedLevelOptions, application.level)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p style={{ textAlign: 'right', marginTop: 24 }}>上海市人力资源和社会保障局{'\u3000'}{todayYmd()}</p>
      </PrintSheet>
    </Flex>
  );
}
