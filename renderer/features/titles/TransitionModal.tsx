/** Moves one or many applications to a chosen state, asking for what that step needs. */
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { certificateKindFor, type ApplicationStatus } from '../../../shared/certification';
import { transitionApplications, type TransitionFailure } from '../../data/applications';
import { useSettings, type CertificationApplication } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { statusLabel } from './labels';

export interface TransitionModalProps {
  applications: CertificationApplication[];
  to: ApplicationStatus | null;
  onClose(done: boolean): void;
}

const NOTE_REQUIRED: ReadonlySet<ApplicationStatus> = new Set(['returned', 'withdrawn', 'publicityObjection']);

export function TransitionModal({ applications, to, onClose }: TransitionModalProps) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const [note, setNote] = useState('');
  const [unitPublicity, setUnitPublicity] = useState<[Dayjs, Dayjs] | null>(null);
  const [publicityStart, setPublicityStart] = useState<Dayjs>(dayjs());
  const [issuedOn, setIssuedOn] = useState<Dayjs>(dayjs());
  const [references, setReferences] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<TransitionFailure[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setNote('');
    setFailures([]);
    setReferences({});
  }, [to]);

  if (to === null) return null;
  const electronic = applications.filter((application) => certificateKindFor(application.level) === 'electronic');
  const needsNote = NOTE_REQUIRED.has(to) || (to === 'reviewFailed' && applications.some((application) => application.status === 'recheck'));

  async function submit() {
    if (to === null) return;
    setBusy(true);
    const result = await transitionApplications(
      applications.map((application) => application.id),
      to,
      {
        note,
        ...(unitPublicity ? { unitPublicity: { startsOn: unitPublicity[0].format('YYYY-MM-DD'), endsOn: unitPublicity[1].format('YYYY-MM-DD') } } : {}),
        publicityStartsOn: publicityStart.format('YYYY-MM-DD'),
        issuedOn: issuedOn.format('YYYY-MM-DD'),
        certificateReferences: references,
      },
    );
    setBusy(false);
    if (!result.ok) {
      setFailures(result.error.failures.length > 0 ? result.error.failures : [{ applicationId: '', name: '', message: result.error.message }]);
      return;
    }
    for (const warning of result.value.warnings) void message.warning(warning);
    void message.success(t('titles.transition.done', { count: result.value.moved, status: statusLabel(to, language) }));
    onClose(true);
  }

  return (
    <Modal
      open
      title={t('titles.transition.title', { status: statusLabel(to, language) })}
      okText={t('titles.transition.confirm')}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, disabled: needsNote && note.trim() === '' }}
      onCancel={() => onClose(false)}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Typography.Paragraph type="secondary">{applications.map((application) => application.snapshot.name).join('、')}</Typography.Paragraph>
        {to === 'unitApproved' && (
          <Form.Item label={t('titles.transition.unitPublicity')} required>
            <DatePicker.RangePicker value={unitPublicity} onChange={(value) => setUnitPublicity(value && value[0] && value[1] ? [value[0], value[1]] : null)} data-testid="unit-publicity" />
          </Form.Item>
        )}
        {to === 'publicity' && (
          <Form.Item label={t('titles.transition.publicityStart')} extra={t('titles.transition.publicityHint', { days: settings?.publicityWorkingDays ?? 5 })}>
            <DatePicker value={publicityStart} onChange={(value) => value && setPublicityStart(value)} allowClear={false} data-testid="publicity-start" />
          </Form.Item>
        )}
        {to === 'certified' && (
          <>
            <Form.Item label={t('titles.transition.issuedOn')}>
              <DatePicker value={issuedOn} onChange={(value) => value && setIssuedOn(value)} allowClear={false} />
            </Form.Item>
            {electronic.length > 0 && (
              <Form.Item label={t('titles.transition.reference')} extra={t('titles.transition.referenceHint')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="id"
                  dataSource={electronic}
                  scroll={{ y: 240 }}
                  columns={[
                    { title: t('titles.columns.name'), dataIndex: ['snapshot', 'name'], width: 120 },
                    {
                      title: t('titles.transition.reference'),
                      key: 'reference',
                      render: (_value, application) => (
                        <Input
                          size="small"
                          aria-label={`${t('titles.transition.reference')} ${application.snapshot.name}`}
                          value={references[application.id] ?? ''}
                          onChange={(event) => setReferences((current) => ({ ...current, [application.id]: event.target.value }))}
                        />
                      ),
                    },
                  ]}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item label={t('titles.transition.note')} required={needsNote} help={needsNote && note.trim() === '' ? t('titles.transition.noteRequired') : undefined}>
          <Input.TextArea rows={2} value={note} onChange={(event) => setNote(event.target.value)} data-testid="transition-note" />
        </Form.Item>
        {failures.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="transition-failures"
            title={t('titles.transition.refused')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {failures.map((failure) => (
                  <li key={`${failure.applicationId}${failure.message}`}>{failure.name ? `${failure.name}：` : ''}{failure.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Form>
    </Modal>
  );
}
