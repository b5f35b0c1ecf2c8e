/** 新建申报: pick a talent from the registry, the level and route, and what the snapshot needs beyond the talent record. */
import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { aiSubSpecialtyOptions, applicationRouteOptions, appliedLevelOptions, residenceBasisOptions, type ApplicationData, type ResidenceBasis } from '../../../shared/certification';
import { createApplication } from '../../data/applications';
import { getDatabase } from '../../db';
import { useLanguage, useT } from '../../i18n';

interface FormValues {
  talentId: string;
  year: number;
  batch: string;
  level: ApplicationData['level'];
  route: ApplicationData['route'];
  subSpecialty: string;
  currentTitleObtainedOn?: Dayjs;
  residence?: ResidenceBasis;
  socialInsuranceMonths?: number;
  hours: Array<{ total?: number; professional?: number }>;
  justification: string;
  recommenders: string;
  submit: boolean;
}

export function NewApplicationModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const year = new Date().getFullYear();
  const lang = language === 'en' ? 'en' : 'zh';

  async function search(text: string) {
    const trimmed = text.trim();
    if (trimmed === '') return setOptions([]);
    const rows = await getDatabase().talents.where('name').startsWith(trimmed).limit(20).toArray();
    setOptions(rows.map((talent) => ({ value: talent.id, label: `${talent.name} · ${talent.employer}` })));
  }

  async function save(values: FormValues) {
    const applicationYear = values.year;
    const result = await createApplication({
      talentId: values.talentId,
      year: applicationYear,
      batch: values.batch,
      level: values.level,
      route: values.route,
      subSpecialty: values.subSpecialty,
      submit: values.submit,
      justification: values.justification ?? '',
      recommenders: (values.recommenders ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
          const [name = '', title = '', ...employer] = line.split(/\s+/u);
          return { name, title, employer: employer.join(' ') };
        }),
      continuingEducation: values.hours
        .map((entry, index) => ({ year: applicationYear - 1 - index, totalHours: entry?.total ?? -1, professionalHours: entry?.professional ?? 0 }))
        .filter((entry) => entry.totalHours >= 0),
      snapshot: {
        currentTitleObtainedOn: values.currentTitleObtainedOn?.format('YYYY-MM-DD') ?? '',
        residence: values.residence ?? '',
        socialInsuranceMonths: values.socialInsuranceMonths ?? null,
      },
    });
    if (!result.ok) return void message.error(result.error.message);
    void message.success(t('titles.form.saved', { name: result.value.snapshot.name }));
    form.resetFields();
    onClose();
  }

  return (
    <Modal open={open} title={t('titles.form.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('titles.form.save')} width={720} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ year, batch: `${year}年第一批`, level: 'deputySenior', route: 'regular', subSpecialty: 'ml', hours: [{}, {}, {}], submit: true, justification: '', recommenders: '' }}
      >
        <Form.Item name="talentId" label={t('titles.form.talent')} rules={[{ required: true }]}>
          <Select showSearch={{ filterOption: false, onSearch: (text) => void search(text) }} placeholder={t('titles.form.talentSearch')} options={options} data-testid="application-talent" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t('titles.form.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="batch" label={t('titles.form.batch')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="level" label={t('titles.form.level')}>
            <Select style={{ width: 160 }} options={appliedLevelOptions.map((option) => ({ value: option.value, label: option[lang] }))} />
          </Form.Item>
          <Form.Item name="route" label={t('titles.form.route')}>
            <Select style={{ width: 180 }} options={applicationRouteOptions.map((option) => ({ value: option.value, label: option[lang] }))} />
          </Form.Item>
          <Form.Item name="subSpecialty" label={t('titles.form.subSpecialty')}>
            <Select style={{ width: 180 }} options={aiSubSpecialtyOptions.map((option) => ({ value: option.value, label: option[lang] }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="currentTitleObtainedOn" label={t('titles.form.currentTitleObtainedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="residence" label={t('titles.form.residence')}>
            <Select style={{ width: 220 }} allowClear options={residenceBasisOptions.map((option) => ({ value: option.value, label: option[lang] }))} />
          </Form.Item>
          <Form.Item name="socialInsuranceMonths" label={t('titles.form.socialInsuranceMonths')}>
            <InputNumber min={0} max={24} />
          </Form.Item>
        </Space>
        {[0, 1, 2].map((index) => (
          <Form.Item key={index} label={t('titles.form.hours', { year: year - 1 - index })} style={{ marginBottom: 8 }}>
            <Space>
              <Form.Item name={['hours', index, 'total']} noStyle>
                <InputNumber min={0} max={1000} />
              </Form.Item>
              <Form.Item name={['hours', index, 'professional']} noStyle>
                <InputNumber min={0} max={1000} />
              </Form.Item>
            </Space>
          </Form.Item>
        ))}
        <Form.Item name="justification" label={t('titles.form.justification')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="recommenders" label={t('titles.form.recommenders')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="submit" valuePropName="checked">
          <Checkbox>{t('titles.form.submit')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
