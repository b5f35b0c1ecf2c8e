/** 新增/编辑培训基地: the base form with its programmes; the credit-code check only warns. */
import { useState } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, App as AntApp, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { validateCreditCode } from '../../../shared/identity/creditCode';
import { shanghaiDistricts } from '../../../shared/codes/districts';
import type { ProgrammeLevel, TrainingBaseData } from '../../../shared/bases/trainingBase';
import { saveBase } from '../../data/bases';
import type { TrainingBase } from '../../db/types';
import { useLanguage, useT } from '../../i18n';
import { baseStatusLabel, baseTypeLabel, label, levelLabel } from './labels';

/** The base's data as the form holds it: dates as Dayjs, numbers still empty while typed. */
type FormValues = Omit<TrainingBaseData, 'accreditedOn' | 'validUntil' | 'annualPlan' | 'programmes'> & {
  accreditedOn: Dayjs | null;
  validUntil: Dayjs | null;
  annualPlan: number | null;
  programmes: Array<{ id?: string; occupation: string; workType: string; level: ProgrammeLevel; plannedHours: number | null }>;
};

function toValues(base: TrainingBase | undefined): Partial<FormValues> {
  if (!base) return { type: 'enterprise', status: 'active', annualPlan: 0, programmes: [{ occupation: '人工智能训练师', workType: '数据标注员', level: 4, plannedHours: 120 }] };
  return {
    ...base,
    accreditedOn: base.accreditedOn ? dayjs(base.accreditedOn) : null,
    validUntil: base.validUntil ? dayjs(base.validUntil) : null,
  };
}

function toData(values: FormValues): TrainingBaseData {
  return {
    code: values.code ?? '',
    name: values.name ?? '',
    type: values.type,
    creditCode: values.creditCode ?? '',
    district: values.district ?? '',
    address: values.address ?? '',
    contact: values.contact ?? '',
    phone: values.phone ?? '',
    accreditedOn: values.accreditedOn ? values.accreditedOn.format('YYYY-MM-DD') : '',
    validUntil: values.validUntil ? values.validUntil.format('YYYY-MM-DD') : '',
    status: values.status,
    annualPlan: values.annualPlan ?? 0,
    programmes: (values.programmes ?? []).map((programme) => ({
      id: programme.id ?? crypto.randomUUID(),
      occupation: programme.occupation ?? '',
      workType: programme.workType ?? '',
      level: programme.level,
      plannedHours: programme.plannedHours ?? 0,
    })),
  };
}

export interface BaseFormModalProps {
  open: boolean;
  base?: TrainingBase;
  onClose: () => void;
}

export function BaseFormModal({ open, base, onClose }: BaseFormModalProps) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const creditCode = Form.useWatch('creditCode', form);
  const creditWarning = typeof creditCode === 'string' && creditCode.trim() !== '' && !validateCreditCode(creditCode).ok;

  const submit = async (values: FormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await saveBase(toData(values), base ? { id: base.id } : {});
      if (!result.ok) setFailure(language === 'en' && result.error.messageEn ? result.error.messageEn : result.error.message);
      else {
        void message.success(t('bases.registry.saved', { name: result.value.name }));
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={base ? t('bases.form.titleEdit') : t('bases.form.titleCreate')}
      width={880}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="base-form"
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={toValues(base)} onFinish={(values) => void submit(values)} preserve={false}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="code" label={t('bases.columns.code')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('bases.columns.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label={t('bases.columns.type')}>
              <Select options={(['university', 'institute', 'enterprise', 'other'] as const).map((value) => ({ value, label: baseTypeLabel(value, language) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="creditCode" label={t('bases.columns.creditCode')}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="district" label={t('bases.columns.district')}>
              <Select allowClear options={shanghaiDistricts.map((district) => ({ value: district.value, label: label(district, language) }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="address" label={t('bases.columns.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contact" label={t('bases.columns.contact')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="phone" label={t('bases.columns.phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="accreditedOn" label={t('bases.columns.accreditedOn')}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="validUntil" label={t('bases.columns.validUntil')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('bases.columns.status')} extra={t('bases.form.statusHint')}>
              <Select options={(['active', 'suspended', 'revoked'] as const).map((value) => ({ value, label: baseStatusLabel(value, language) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="annualPlan" label={t('bases.columns.annualPlan')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {creditWarning && <Alert type="warning" showIcon title={t('bases.form.creditCodeWarning')} style={{ marginBottom: 12 }} data-testid="credit-code-warning" />}
        <Typography.Text strong>{t('bases.columns.programmes')}</Typography.Text>
        <Form.List name="programmes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'occupation']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('bases.programme.occupation')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'workType']} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('bases.programme.workType')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0 }}>
                    <Select placeholder={t('bases.programme.level')} style={{ width: 170 }} options={([1, 2, 3, 4, 5] as const).map((value) => ({ value, label: levelLabel(value, language) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'plannedHours']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} placeholder={t('bases.programme.plannedHours')} style={{ width: 120 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('bases.programme.remove')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ occupation: '人工智能训练师', workType: '', level: 4, plannedHours: 120 })} style={{ marginTop: 8 }}>
                {t('bases.programme.add')}
              </Button>
            </>
          )}
        </Form.List>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} data-testid="base-form-error" />}
      </Form>
    </Modal>
  );
}
