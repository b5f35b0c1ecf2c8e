/** 演示数据: fills the talent pool with generated people (in a worker), or removes them again. */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Progress, Select, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../db';
import { announceTalentChanges } from '../../data/talentEvents';
import { useLanguage, useT } from '../../i18n';
import { wrapWorker, type WrappedWorker } from '../../workers/rpc';
import { DEMO_BATCH_PREFIX } from './demoBatch';
import type { DemoDataApi, DemoProgress } from './demoData.worker';

const COUNTS = [1_000, 10_000, 100_000];

function startWorker(): WrappedWorker<DemoDataApi> {
  return wrapWorker<DemoDataApi>(new Worker(new URL('./demoData.worker.ts', import.meta.url), { type: 'module', name: 'demo-data' }));
}

export function DemoDataCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [count, setCount] = useState(COUNTS[0] ?? 1_000);
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const demoCount = useLiveQuery(() => getDatabase().talents.where('importBatchId').startsWith(DEMO_BATCH_PREFIX).count(), []);

  useEffect(() => () => abort.current?.abort(), []);

  async function run<T>(work: (worker: WrappedWorker<DemoDataApi>, signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    const worker = startWorker();
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    try {
      return await work(worker, controller.signal);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') message.info(t('demo.canceled'));
      else message.error(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
      return undefined;
    } finally {
      worker.close();
      abort.current = null;
      setBusy(false);
      setProgress(null);
    }
  }

  async function generate() {
    const result = await run((worker, signal) =>
      worker.call.addDemoTalents(
        { count, seed: Date.now() % 2_147_483_647, note: t('demo.auditAdd') },
        { signal, onProgress: setProgress },
      ),
    );
    if (!result) return;
    // Tell the list's search index: a bulk change like this reloads it once instead of on the next count mismatch.
    if (result.ok) announceTalentChanges({ reset: true });
    if (result.ok) message.success(t('demo.added', { count: result.value.added.toLocaleString() }));
    else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
  }

  async function remove() {
    const result = await run((worker) => worker.call.removeDemoTalents({ note: t('demo.auditRemove') }));
    if (result?.ok) announceTalentChanges({ reset: true });
    if (result?.ok) message.success(t('demo.removed', { count: result.value.removed.toLocaleString() }));
  }

  return (
    <Card title={t('demo.title')} data-testid="demo-data">
      <Typography.Paragraph type="secondary">{t('demo.description')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Select<number>
          aria-label={t('demo.count')}
          value={count}
          onChange={setCount}
          disabled={busy}
          style={{ width: 140 }}
          options={COUNTS.map((value) => ({ value, label: t('demo.countOption', { count: value.toLocaleString() }) }))}
        />
        <Button type="primary" onClick={() => void generate()} loading={busy && progress !== null} disabled={busy}>
          {t('demo.generate')}
        </Button>
        {busy && <Button onClick={() => abort.current?.abort()}>{t('common.cancel')}</Button>}
        <Popconfirm
          title={t('demo.removeConfirm', { count: (demoCount ?? 0).toLocaleString() })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => void remove()}
          disabled={busy || !demoCount}
        >
          <Button danger disabled={busy || !demoCount}>
            {t('demo.remove')}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">{t('demo.current', { count: (demoCount ?? 0).toLocaleString() })}</Typography.Text>
      </Flex>
      {progress && (
        <Progress
          style={{ marginTop: 12, maxWidth: 480 }}
          percent={Math.floor((progress.done / progress.total) * 100)}
          format={() => `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`}
        />
      )}
    </Card>
  );
}
