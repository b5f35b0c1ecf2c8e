/** The progress of the worker's current phase (hash, parse, validate, look up, write). */
import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../i18n';
import type { ImportProgress } from '../../workers/import.worker';

const PHASE_KEYS = {
  hash: 'import.file.phaseHash',
  read: 'import.file.phaseRead',
  validate: 'import.file.phaseValidate',
  lookup: 'import.file.phaseLookup',
  commit: 'import.file.phaseCommit',
} as const;

/** One line: phase name and a bar (indeterminate phases show an active bar). */
export function ProgressLine({ progress }: { progress: ImportProgress }) {
  const t = useT();
  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Typography.Text>{t('import.file.reading', { phase: t(PHASE_KEYS[progress.phase]), percent })}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} />
    </Flex>
  );
}
