/** Display formats used across the UI: dates as yyyy-MM-dd, times as yyyy-MM-dd HH:mm:ss (local time). */
import dayjs from 'dayjs';

/** `2025-03-01T02:00:00.000Z` or `2025-03-01` → `2025-03-01` (local date of a timestamp); '' stays ''. */
export function formatDate(value: string): string {
  if (value === '') return '';
  // Domain dates are already YYYY-MM-DD; parsing them through Date could shift them by a time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : value;
}

/** An ISO timestamp as local `YYYY-MM-DD HH:mm:ss`. */
export function formatDateTime(value: string): string {
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm:ss') : value;
}
