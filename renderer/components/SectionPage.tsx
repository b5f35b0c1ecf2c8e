/** The frame of one section: a heading and a content card. Every feature page renders inside one. */
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

export interface SectionPageProps {
  title: ReactNode;
  /** Buttons on the right of the heading. */
  extra?: ReactNode;
  children: ReactNode;
}

export function SectionPage({ title, extra, children }: SectionPageProps) {
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <Card>{children}</Card>
    </Flex>
  );
}
