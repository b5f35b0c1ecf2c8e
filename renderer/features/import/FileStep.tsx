/** Step 1: choose or drop the file; the template of the kind can be downloaded here. */
import { Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { AppError } from '../../../shared/result';
import type { ImportKind } from '../../../shared/excel/importKinds';
import { useT } from '../../i18n';
import { FileDropZone, type OpenedFile } from '../../platform';
import { IMPORT_FILE_FILTERS } from './importWorkerClient';
import { TemplateButton } from './TemplateButton';

export interface FileStepProps {
  kind: ImportKind;
  busy: boolean;
  onFiles: (files: OpenedFile[]) => void;
  onError: (error: AppError) => void;
}

export function FileStep({ kind, busy, onFiles, onError }: FileStepProps) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <FileDropZone filters={IMPORT_FILE_FILTERS} onFiles={onFiles} onError={onError} disabled={busy} hint={t('import.file.hint')} />
      <Flex gap={8}>
        <TemplateButton kind={kind} icon={<DownloadOutlined />} />
      </Flex>
    </Flex>
  );
}
