/** The frame around every section: top bar (app name, operator, language), side menu, content. */
import { Suspense, useState } from 'react';
import { UserOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Spin, Tag, Typography, theme } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSettings } from '../db';
import { useT } from '../i18n';
import { sections } from './sections';

function PageFallback() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

export function AppShell() {
  const t = useT();
  const settings = useSettings();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const selected = sections.find((section) => location.pathname.startsWith(section.path))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="tl-no-print"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, color: token.colorPrimary, whiteSpace: 'nowrap' }} data-testid="app-name">
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }}>
          {t('app.subtitle')}
        </Typography.Text>
        <Flex align="center" gap={8} data-testid="operator" style={{ whiteSpace: 'nowrap' }}>
          <UserOutlined aria-label={t('header.operator')} />
          <Typography.Text strong>{settings?.operatorName}</Typography.Text>
          {settings && <Tag color="blue">{t(`role.${settings.role}`)}</Tag>}
        </Flex>
        <LanguageSwitch size="small" />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          className="tl-no-print"
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={200}
          style={{
            borderRight: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 56,
            height: 'calc(100vh - 56px)',
            overflow: 'auto',
          }}
        >
          <Menu
            mode="inline"
            aria-label={t('nav.menu')}
            selectedKeys={selected ? [selected] : []}
            style={{ borderInlineEnd: 'none' }}
            items={sections.map((section) => ({
              key: section.path,
              icon: section.icon,
              label: <Link to={section.path}>{t(section.labelKey)}</Link>,
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
