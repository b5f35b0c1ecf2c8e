/**
 * 新增 / 编辑 a talent. The form is generated from the field table (derived levels shown read-only;
 * status changes go through 迁出/注销 on the detail page). Every change is validated at once with
 * the same rules as the import, messages under each field; birth date and gender fill in from the
 * ID number; an ID already in the registry offers to open that record instead.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Spin, Switch, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { FieldDef } from '../../../shared/fields/fieldTypes';
import type { Talent } from '../../../shared/talent/talent';
import { emptyTalentDraft } from '../../../shared/talent/talentDraft';
import type { TalentFieldKey } from '../../../shared/talent/talentFields';
import { hasErrors, validateTalentInput, type RawCellValue, type ValidationIssue } from '../../../shared/validation';
import { SectionPage } from '../../components/SectionPage';
import { createTalent, findTalentByIdentity, getTalent, updateTalent } from '../../data/talents';
import { useLanguage, useT, type PlainMessageKey } from '../../i18n';
import { displayValue, fieldLabel, fieldOf } from './talentDisplay';

type FormValues = Record<string, RawCellValue>;

const GROUPS: readonly { title: PlainMessageKey; keys: readonly TalentFieldKey[] }[] = [
  { title: 'talents.form.groupIdentity', keys: ['name', 'idType', 'idNumber', 'gender', 'birthDate', 'nationality', 'phone', 'email'] },
  { title: 'talents.form.groupEducation', keys: ['education', 'degree', 'school', 'major', 'graduationDate'] },
  { title: 'talents.form.groupWork', keys: ['employer', 'employerCreditCode', 'district', 'cluster', 'industrySegment', 'category', 'position', 'overseas', 'joinedDate'] },
  { title: 'talents.form.groupOther', keys: ['tags', 'remarks', 'titleLevel', 'skillLevel'] },
];

/** Form values of a stored talent (or a blank draft). */
function valuesOf(talent: Talent | undefined): FormValues {
  const source = talent ?? { ...emptyTalentDraft(), category: '' };
  const values: FormValues = {};
  for (const group of GROUPS) for (const key of group.keys) values[key] = source[key as keyof typeof source] as RawCellValue;
  if (!talent) values.category = undefined;
  return values;
}

function FieldInput({ field, value, onChange, onBlur, language }: { field: FieldDef; value: RawCellValue; onChange: (value: RawCellValue) => void; onBlur: () => void; language: string }) {
  const t = useT();
  const id = `talent-field-${field.key}`;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  switch (field.type) {
    case 'code':
      return (
        <Select<string>
          id={id}
          allowClear={!field.required}
          showSearch
          optionFilterProp="label"
          placeholder={t('talents.form.select')}
          value={text === '' ? undefined : text}
          onChange={(next) => onChange(next ?? '')}
          onBlur={onBlur}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: language === 'en' ? option.en : option.zh }))}
        />
      );
    case 'boolean':
      return <Switch id={id} checked={value === true} onChange={(checked) => onChange(checked)} />;
    case 'tags':
      return (
        <Select<string[]>
          id={id}
          mode="tags"
          placeholder={t('talents.form.tagsPlaceholder')}
          value={Array.isArray(value) ? [...value] : []}
          onChange={(next) => onChange(next)}
          onBlur={onBlur}
          tokenSeparators={[',', '，', '、']}
          open={false}
        />
      );
    default: {
      const placeholder = field.type === 'date' ? 'YYYY-MM-DD' : field.type === 'month' ? 'YYYY-MM' : field.hintZh && language !== 'en' ? field.hintZh : undefined;
      const common = { id, value: text, onBlur, placeholder, maxLength: field.maxLength ? field.maxLength + 20 : undefined };
      if (field.key === 'remarks') return <Input.TextArea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />;
      return <Input {...common} autoComplete="off" onChange={(event) => onChange(event.target.value)} />;
    }
  }
}

export function TalentFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [original, setOriginal] = useState<Talent | null | undefined>(editing ? undefined : null);
  const [values, setValues] = useState<FormValues>(() => valuesOf(undefined));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [duplicateOf, setDuplicateOf] = useState<{ id: string; name: string } | null>(null);
  const [stale, setStale] = useState(false);
  const [filledFromId, setFilledFromId] = useState<ReadonlySet<string>>(new Set());
  const duplicateCheck = useRef(0);

  useEffect(() => {
    if (!id) return;
    let active = true;
    void getTalent(id).then((talent) => {
      if (!active) return;
      setOriginal(talent ?? null);
      if (talent) setValues(valuesOf(talent));
    });
    return () => {
      active = false;
    };
  }, [id]);

  const validation = useMemo(() => validateTalentInput(values), [values]);
  const issuesByField = useMemo(() => {
    const map = new Map<string, ValidationIssue>();
    for (const issue of validation.issues) if (!map.has(issue.field) || issue.severity === 'error') map.set(issue.field, issue);
    return map;
  }, [validation]);

  function change(key: string, value: RawCellValue) {
    setValues((previous) => ({ ...previous, [key]: value }));
    if (key === 'idNumber' || key === 'idType') setDuplicateOf(null);
    if (filledFromId.has(key)) setFilledFromId((previous) => new Set([...previous].filter((item) => item !== key)));
  }

  function blur(key: string) {
    setTouched((previous) => (previous.has(key) ? previous : new Set([...previous, key])));
    if (key !== 'idNumber' && key !== 'idType') return;
    const { record, issues } = validation;
    if (issues.some((issue) => issue.field === 'idNumber' && issue.severity === 'error')) return;
    // Birth date and gender come from the ID number: fill them while blank.
    const filled: FormValues = {};
    if ((values.birthDate ?? '') === '' && record.birthDate !== '') filled.birthDate = record.birthDate;
    if ((values.gender ?? '') === '' && record.gender !== '') filled.gender = record.gender;
    if (Object.keys(filled).length > 0) {
      setValues((previous) => ({ ...previous, ...filled }));
      setFilledFromId(new Set(Object.keys(filled)));
    }
    if (record.idNumber === '') return;
    const check = ++duplicateCheck.current;
    void findTalentByIdentity(record.idType, record.idNumber).then((existing) => {
      if (check !== duplicateCheck.current) return;
      setDuplicateOf(existing && existing.id !== id ? { id: existing.id, name: existing.name } : null);
    });
  }

  async function submit() {
    setSubmitted(true);
    if (hasErrors(validation.issues) || duplicateOf) return;
    setSaving(true);
    try {
      const result = editing && original ? await updateTalent(original.id, values, { expectedUpdatedAt: original.updatedAt }) : await createTalent(values);
      if (result.ok) {
        if (editing && original && result.value.updatedAt === original.updatedAt) message.info(t('talents.form.unchanged'));
        else message.success(editing ? t('talents.form.saved') : t('talents.form.created', { name: result.value.name }));
        navigate(`/talents/${result.value.id}`, { replace: true });
        return;
      }
      const error = result.error;
      if (error.code === 'TALENT_DUPLICATE' && error.existing) setDuplicateOf(error.existing);
      else if (error.code === 'TALENT_STALE') setStale(true);
      else message.error(language === 'en' ? (error.messageEn ?? error.message) : error.message);
    } finally {
      setSaving(false);
    }
  }

  const title = editing ? t('talents.form.editTitle') : t('talents.form.createTitle');
  if (original === undefined) {
    return (
      <SectionPage title={title}>
        <Spin />
      </SectionPage>
    );
  }
  if (editing && original === null) {
    return (
      <SectionPage title={title}>
        <Alert type="warning" showIcon title={t('talents.detail.notFound')} />
      </SectionPage>
    );
  }

  const showIssue = (key: string) => submitted || touched.has(key) || (key === 'birthDate' || key === 'gender' ? touched.has('idNumber') : false);

  return (
    <SectionPage title={title} extra={original ? <Link to={`/talents/${original.id}`}>{t('talents.detail.back')}</Link> : <Link to="/talents">{t('talents.detail.back')}</Link>}>
      <Form layout="vertical" component="div" data-testid="talent-form" onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && void submit()}>
        <Flex vertical gap={16}>
          {duplicateOf && (
            <Alert
              type="warning"
              showIcon
              data-testid="talent-duplicate"
              title={t('talents.form.duplicate', { name: duplicateOf.name })}
              description={t('talents.form.duplicateHint')}
              action={
                <Button type="primary" onClick={() => navigate(`/talents/${duplicateOf.id}`)}>
                  {t('talents.form.openExisting')}
                </Button>
              }
            />
          )}
          {stale && <Alert type="error" showIcon title={t('talents.form.stale')} />}
          {submitted && hasErrors(validation.issues) && <Alert type="error" showIcon title={t('talents.form.invalid')} />}
          {GROUPS.map((group) => (
            <Card key={group.title} size="small" title={t(group.title)}>
              <Row gutter={16}>
                {group.keys.map((key) => {
                  const field = fieldOf(key);
                  const issue = showIssue(key) ? issuesByField.get(key) : undefined;
                  const help = issue ? (language === 'en' ? issue.messageEn : issue.message) : filledFromId.has(key) ? t('talents.form.fromId') : field.derived ? t('talents.form.derivedHint') : undefined;
                  return (
                    <Col key={key} xs={24} md={12} xl={key === 'remarks' || key === 'employer' ? 12 : 6}>
                      <Form.Item
                        label={fieldLabel(field, language)}
                        htmlFor={`talent-field-${key}`}
                        required={field.required}
                        validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
                        help={help}
                      >
                        {field.derived ? (
                          <Typography.Text>{displayValue(field, original ? (key === 'skillLevel' ? String(original.skillLevel) : original[key]) : key === 'skillLevel' ? '0' : 'none', language) || '—'}</Typography.Text>
                        ) : (
                          <FieldInput field={field} value={values[key]} onChange={(value) => change(key, value)} onBlur={() => blur(key)} language={language} />
                        )}
                      </Form.Item>
                    </Col>
                  );
                })}
              </Row>
            </Card>
          ))}
          <Flex gap={8}>
            <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="talent-save">
              {t('talents.form.save')}
            </Button>
            <Button onClick={() => navigate(original ? `/talents/${original.id}` : '/talents')}>{t('talents.form.cancel')}</Button>
          </Flex>
        </Flex>
      </Form>
    </SectionPage>
  );
}
