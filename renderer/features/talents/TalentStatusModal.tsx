/** 迁出/注销: the new status, the date and the reason (both required), checked as the clerk types. */
import { useMemo, useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { todayYmd } from '../../../shared/dates';
import type { Talent, TalentStatus } from '../../../shared/talent/talent';
import { changeTalentStatus, checkStatusChange } from '../../data/talents';
import { useLanguage, useT } from '../../i18n';

export interface TalentStatusModalProps {
  talent: Talent;
  open: boolean;
  onClose: () => void;
}

export function TalentStatusModal({ talent, open, onClose }: TalentStatusModalProps) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Exclude<TalentStatus, 'active'>>('movedOut');
  const [leftDate, setLeftDate] = useState(todayYmd());
  const [leftReason, setLeftReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const issues = useMemo(() => checkStatusChange(talent, { status, leftDate, leftReason }), [talent, status, leftDate, leftReason]);
  const issueOf = (field: string) => {
    if (!submitted && !touched.has(field)) return undefined;
    const issue = issues.find((item) => item.field === field);
    return issue ? (language === 'en' ? issue.messageEn : issue.message) : undefined;
  };

  async function submit() {
    setSubmitted(true);
    if (issues.length > 0) return;
    setSaving(true);
    try {
      const result = await changeTalentStatus(talent.id, { status, leftDate, leftReason });
      if (result.ok) {
        message.success(t('talents.status.done'));
        onClose();
      } else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
    } finally {
      setSaving(false);
    }
  }

  const dateIssue = issueOf('leftDate');
  const reasonIssue = issueOf('leftReason');
  return (
    <Modal
      open={open}
      title={t('talents.status.title')}
      okText={t('talents.status.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="talent-status-form">
        <Form.Item label={t('talents.status.newStatus')} required>
          <Radio.Group
            value={status}
            onChange={(event) => setStatus(event.target.value as Exclude<TalentStatus, 'active'>)}
            options={[
              { value: 'movedOut', label: language === 'en' ? 'Moved out' : '已迁出' },
              { value: 'cancelled', label: language === 'en' ? 'Cancelled' : '已注销' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('talents.status.leftDate')} htmlFor="talent-left-date" required validateStatus={dateIssue ? 'error' : undefined} help={dateIssue}>
          <Input id="talent-left-date" placeholder="YYYY-MM-DD" value={leftDate} onChange={(event) => setLeftDate(event.target.value)} onBlur={() => setTouched((previous) => new Set([...previous, 'leftDate']))} />
        </Form.Item>
        <Form.Item label={t('talents.status.leftReason')} htmlFor="talent-left-reason" required validateStatus={reasonIssue ? 'error' : undefined} help={reasonIssue}>
          <Input.TextArea
            id="talent-left-reason"
            rows={2}
            placeholder={t('talents.status.reasonPlaceholder')}
            value={leftReason}
            onChange={(event) => setLeftReason(event.target.value)}
            onBlur={() => setTouched((previous) => new Set([...previous, 'leftReason']))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
