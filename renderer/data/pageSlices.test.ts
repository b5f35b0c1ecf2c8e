import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, makeTestTalent } from '../db/testing';
import { PageSlicer, yieldToPage } from './pageSlices';

describe('page slices', () => {
  it('yieldToPage resolves after the current task (a queued timer runs first)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await Promise.resolve();
    order.push('microtask');
    await yieldToPage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    order.push('after');
    expect(order).toEqual(['microtask', 'timer', 'after']);
  });

  it('pauses only once a slice has run for its time', async () => {
    let pauses = 0;
    const slicer = new PageSlicer(async () => void (pauses += 1), 20);
    expect(slicer.due()).toBe(false);
    const started = performance.now();
    while (performance.now() - started < 25) {
      // a slice's worth of work
    }
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
    expect(pauses).toBe(1);
    expect(slicer.pauses).toBe(1);
  });

  it('inside a Dexie transaction, pausing through a read of it keeps the transaction: all rows or none', async () => {
    const db = createTestDatabase();
    const talents = Array.from({ length: 40 }, (_unused, index) => makeTestTalent({ idNumber: `11010519491231${String(index).padStart(4, '0')}` }));
    await db.transaction('rw', db.talents, db.settings, async () => {
      const slicer = new PageSlicer(() => db.settings.get('operatorName'), 0);
      for (const talent of talents) {
        if (slicer.due()) await slicer.pause();
        await db.talents.add(talent);
      }
      expect(slicer.pauses).toBe(40);
      // Dexie still knows the transaction after the pauses (writes below would otherwise leave it).
      expect(Dexie.currentTransaction?.storeNames).toContain('talents');
    });
    expect(await db.talents.count()).toBe(40);

    const more = Array.from({ length: 10 }, (_unused, index) => makeTestTalent({ idNumber: `11010519491231${String(100 + index).padStart(4, '0')}` }));
    await expect(
      db.transaction('rw', db.talents, db.settings, async () => {
        const slicer = new PageSlicer(() => db.settings.get('operatorName'), 0);
        for (const talent of more) {
          if (slicer.due()) await slicer.pause();
          await db.talents.add(talent);
        }
        throw new Error('refused after the pauses');
      }),
    ).rejects.toThrow('refused after the pauses');
    expect(await db.talents.count()).toBe(40);
    db.close();
  });
});
