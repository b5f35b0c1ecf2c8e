/** 中文 / English switch; the choice is kept by LanguageProvider. */
import { Segmented } from 'antd';
import { useLanguage, useT, type Language } from '../i18n';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('header.language')}
      value={language}
      onChange={setLanguage}
      options={[
        { label: t('language.zhCN'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
    />
  );
}
