/** Form fields for the operator's name and organisation type (first run and settings). */
import { Form, Input, Radio } from 'antd';
import type { OperatorRole } from '../db';
import { useT } from '../i18n';

/** The values the fields produce. */
export interface OperatorFormValues {
  operatorName: string;
  role: OperatorRole;
}

export function OperatorFields() {
  const t = useT();
  return (
    <>
      <Form.Item<OperatorFormValues>
        name="operatorName"
        label={t('firstRun.operatorName')}
        rules={[{ required: true, whitespace: true, message: t('firstRun.operatorNameRequired') }]}
      >
        <Input maxLength={50} placeholder={t('firstRun.operatorNamePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item<OperatorFormValues> name="role" label={t('firstRun.role')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { label: t('role.bureau'), value: 'bureau' },
            { label: t('role.base'), value: 'base' },
          ]}
        />
      </Form.Item>
    </>
  );
}
