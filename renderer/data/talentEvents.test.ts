import { describe, expect, it } from 'vitest';
import { announceTalentChanges, isTalentChange, normalizeTalentChange, onTalentChanges, TALENT_CHANGE_ID_LIMIT, type TalentChange } from './talentEvents';

describe('talent change announcements', () => {
  it('delivers to same-window listeners and stops after unsubscribe', () => {
    const heard: TalentChange[] = [];
    const stop = onTalentChanges((change) => heard.push(change));
    announceTalentChanges({ upserted: ['a'], removed: [] });
    stop();
    announceTalentChanges({ upserted: ['b'], removed: [] });
    expect(heard).toEqual([{ upserted: ['a'], removed: [] }]);
  });

  it('turns more than the id limit into a reset and drops empty changes', () => {
    const many = Array.from({ length: TALENT_CHANGE_ID_LIMIT + 1 }, (_, index) => `id${index}`);
    expect(normalizeTalentChange({ upserted: many, removed: [] })).toEqual({ reset: true });
    expect(normalizeTalentChange({ upserted: many.slice(0, TALENT_CHANGE_ID_LIMIT), removed: [] })).toMatchObject({ removed: [] });
    expect(normalizeTalentChange({ upserted: [], removed: [] })).toBeUndefined();
  });

  it('reaches other contexts over the BroadcastChannel', async () => {
    const received = new Promise<unknown>((resolve) => {
      const channel = new BroadcastChannel('talentledger:talents');
      channel.onmessage = (event) => {
        channel.close();
        resolve(event.data);
      };
    });
    announceTalentChanges({ reset: true });
    expect(await received).toEqual({ reset: true });
  });

  it('recognises only well-formed messages', () => {
    expect(isTalentChange({ reset: true })).toBe(true);
    expect(isTalentChange({ upserted: ['x'], removed: [] })).toBe(true);
    expect(isTalentChange({ upserted: [1], removed: [] })).toBe(false);
    expect(isTalentChange('reset')).toBe(false);
  });
});
