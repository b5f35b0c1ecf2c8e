/** First run: who is operating this copy. Shown instead of the app until an operator name is stored. */
import { useState } from 'react';
import { App, Button, Card, Flex, Form, Typography } from 'antd';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { OperatorFields, type OperatorFormValues } from '../../components/OperatorFields';
import { getDatabase, setSettings } from '../../db';
import { useLanguage, useT } from '../../i18n';

export function FirstRunPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  async function submit(values: OperatorFormValues) {
    setSaving(true);
    try {
      const result = await setSettings(getDatabase(), { operatorName: values.operatorName, role: values.role }, t('firstRun.auditNote'));
      if (!result.ok) message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
      // On success the live settings query re-renders the app with the main shell.
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, boxSizing: 'border-box' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 480, marginBottom: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 480 }} data-testid="first-run">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('firstRun.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('firstRun.description')}</Typography.Paragraph>
        <Form<OperatorFormValues> layout="vertical" initialValues={{ role: 'bureau' }} onFinish={(values) => void submit(values)} requiredMark>
          <OperatorFields />
          <Button type="primary" htmlType="submit" block loading={saving}>
            {t('firstRun.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('firstRun.storageNote')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
