/** 下载错误报告: the rows with errors as in the file plus a 错误说明 column (G2's writer), saved through the Platform. */
import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { buildErrorReport } from '../../data/exports';
import { useT } from '../../i18n';
import { usePlatform } from '../../platform';
import type { ImportWorker } from './importWorkerClient';

export function ErrorReportButton({ worker, disabled }: { worker: () => ImportWorker; disabled: boolean }) {
  const t = useT();
  const platform = usePlatform();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const input = await worker().call.errorReportInput();
      if (!input.ok) {
        void message.error(t('import.result.reportFailed', { message: input.error.message }));
        return;
      }
      if (input.value.rows.length === 0) {
        void message.info(t('import.result.noErrors'));
        return;
      }
      const file = await buildErrorReport(input.value);
      const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      if (!saved.ok) void message.error(t('import.result.reportFailed', { message: saved.error.message }));
      else if (!saved.value.canceled) void message.success(t('import.result.reportSaved', { path: saved.value.path }));
    } catch (error) {
      void message.error(t('import.result.reportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} disabled={disabled} onClick={() => void download()} data-testid="error-report">
      {t('import.actions.errorReport')}
    </Button>
  );
}
