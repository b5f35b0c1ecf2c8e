/** An honest empty state: what this section will hold and what to do first. */
import type { ReactNode } from 'react';
import { Button, Empty, Typography } from 'antd';

export interface SectionEmptyProps {
  title: ReactNode;
  description: ReactNode;
  /** Optional next step: a link to the route (e.g. `/talents`) to visit first. */
  action?: { label: ReactNode; to: string };
  /** Extra content below (e.g. a file drop zone). */
  children?: ReactNode;
}

export function SectionEmpty({ title, description, action, children }: SectionEmptyProps) {
  return (
    <Empty
      data-testid="section-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      styles={{ root: { padding: '32px 0' } }}
      description={
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 640, margin: '0 auto' }}>
            {description}
          </Typography.Paragraph>
        </>
      }
    >
      {action && (
        // Hash routes: a plain link keeps middle-click and "open in new window" working.
        <Button type="primary" href={`#${action.to}`}>
          {action.label}
        </Button>
      )}
      {children}
    </Empty>
  );
}
