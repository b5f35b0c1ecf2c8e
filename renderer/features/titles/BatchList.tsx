/** 评审批次 list and the form for a new one. */
import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { listReviewBatches, saveReviewBatch } from '../../data/applications';
import type { ReviewBatch } from '../../db';
import { useT } from '../../i18n';

interface BatchFormValues {
  name: string;
  year: number;
  committeeName: string;
  meetingDate?: Dayjs;
  members: string;
  note: string;
}

export function BatchList() {
  const t = useT();
  const { message } = App.useApp();
  const batches = useLiveQuery(() => listReviewBatches(), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BatchFormValues>();
  const year = new Date().getFullYear();

  async function save(values: BatchFormValues) {
    const result = await saveReviewBatch({
      name: values.name,
      year: values.year,
      committeeName: values.committeeName ?? '',
      meetingDate: values.meetingDate?.format('YYYY-MM-DD') ?? '',
      membersPresent: (values.members ?? '').split('\n'),
      note: values.note ?? '',
    });
    if (!result.ok) return void message.error(result.error.message);
    void message.success(t('titles.batches.saved'));
    setOpen(false);
    form.resetFields();
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" onClick={() => setOpen(true)} data-testid="batch-create">
          {t('titles.batches.create')}
        </Button>
      </Flex>
      <Table<ReviewBatch>
        size="small"
        rowKey="id"
        dataSource={batches ?? []}
        loading={batches === undefined}
        pagination={false}
        locale={{ emptyText: t('titles.batches.empty') }}
        columns={[
          { title: t('titles.batches.name'), key: 'name', render: (_value, batch) => <Link to={`/titles/batches/${batch.id}`}>{batch.name}</Link> },
          { title: t('titles.batches.year'), dataIndex: 'year', width: 100 },
          { title: t('titles.batches.committee'), dataIndex: 'committeeName' },
          { title: t('titles.batches.meetingDate'), dataIndex: 'meetingDate', width: 120 },
        ]}
      />
      <Modal open={open} title={t('titles.batches.create')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form<BatchFormValues> form={form} layout="vertical" onFinish={(values) => void save(values)} initialValues={{ year, name: `${year}年度人工智能专业高级职称评审`, committeeName: '上海市工程系列人工智能专业高级职称评审委员会', members: '', note: '' }}>
          <Form.Item name="name" label={t('titles.batches.name')} rules={[{ required: true }]}>
            <Input data-testid="batch-name" />
          </Form.Item>
          <Form.Item name="year" label={t('titles.batches.year')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="committeeName" label={t('titles.batches.committee')}>
            <Input />
          </Form.Item>
          <Form.Item name="meetingDate" label={t('titles.batches.meetingDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="members" label={t('titles.batches.members')}>
            <Input.TextArea rows={4} data-testid="batch-members" />
          </Form.Item>
          <Form.Item name="note" label={t('titles.batches.note')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
