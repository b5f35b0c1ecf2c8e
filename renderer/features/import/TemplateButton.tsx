/** 下载模板: the import template of the kind (written by the export worker), saved through the Platform. */
import { useState, type ReactNode } from 'react';
import { App as AntApp, Button } from 'antd';
import type { ImportKind } from '../../../shared/excel/importKinds';
import { downloadTemplate } from '../../data/exports';
import { useT } from '../../i18n';
import { usePlatform } from '../../platform';

export function TemplateButton({ kind, icon }: { kind: ImportKind; icon?: ReactNode }) {
  const t = useT();
  const platform = usePlatform();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await downloadTemplate(kind);
      const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      if (!saved.ok) void message.error(t('import.file.templateFailed', { message: saved.error.message }));
    } catch (error) {
      void message.error(t('import.file.templateFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={icon} loading={busy} onClick={() => void download()} data-testid="import-template">
      {t('import.actions.template')}
    </Button>
  );
}
