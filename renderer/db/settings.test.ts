import { describe, expect, it } from 'vitest';
import { getSetting, readSettings, rememberLanguage, setSetting, setSettings, SETTING_DEFAULTS } from './settings';
import { createTestDatabase } from './testing';

describe('settings', () => {
  it('starts with defaults and no operator (first run)', async () => {
    const db = createTestDatabase();
    const settings = await readSettings(db);
    expect(settings.operatorName).toBeUndefined();
    expect(settings.role).toBe('bureau');
    expect(settings.maskPattern).toEqual(SETTING_DEFAULTS.maskPattern);
    db.close();
  });

  it('stores the first-run values with one audit entry under the new operator', async () => {
    const db = createTestDatabase();
    const result = await setSettings(db, { operatorName: '  张三 ', role: 'base' }, '首次使用');
    expect(result).toEqual({ ok: true, value: { changed: ['operatorName', 'role'] } });
    expect(await getSetting(db, 'operatorName')).toBe('张三');
    expect(await getSetting(db, 'role')).toBe('base');
    const entries = await db.auditLog.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operator: '张三',
      action: 'settings',
      entity: 'settings',
      entityId: '',
      note: '首次使用',
      changes: [
        { field: 'operatorName', before: undefined, after: '张三' },
        { field: 'role', before: undefined, after: 'base' },
      ],
    });
    db.close();
  });

  it('audits a change with before and after, and writes nothing when unchanged', async () => {
    const db = createTestDatabase();
    await setSettings(db, { operatorName: '张三', role: 'bureau' });
    await setSetting(db, 'language', 'en');
    const unchanged = await setSetting(db, 'language', 'en');
    expect(unchanged).toEqual({ ok: true, value: { changed: [] } });
    const entries = await db.auditLog.orderBy('id').toArray();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ operator: '张三', changes: [{ field: 'language', before: undefined, after: 'en' }] });
    db.close();
  });

  it('rejects invalid values and ignores invalid stored ones', async () => {
    const db = createTestDatabase();
    const blank = await setSetting(db, 'operatorName', '   ');
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.code).toBe('SETTING_INVALID');
    // e.g. restored from a tampered backup
    await db.settings.put({ key: 'role', value: 'admin' as never });
    expect(await getSetting(db, 'role')).toBeUndefined();
    expect((await readSettings(db)).role).toBe('bureau');
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });
});

describe('rememberLanguage', () => {
  it('stores the UI language without an audit entry', async () => {
    const db = createTestDatabase();
    await rememberLanguage(db, 'en');
    expect(await getSetting(db, 'language')).toBe('en');
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });
});
