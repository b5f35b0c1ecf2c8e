/**
 * The shape of a field table: one table per entity drives import header matching, validation,
 * form labels, list columns, export columns and templates. Adding a column is one edit.
 */

/** One entry of a code list (e.g. 学历). `value` is what is stored; labels are for display. */
export interface CodeOption {
  value: string;
  zh: string;
  en: string;
  /** Extra spellings accepted on import (besides zh, en and value), e.g. 本科 → 大学本科. */
  synonyms?: readonly string[];
}

export type FieldType =
  | 'text'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'creditCode'
  /** Full date, stored `YYYY-MM-DD`. */
  | 'date'
  /** Month precision, stored `YYYY-MM` (e.g. 毕业时间). */
  | 'month'
  | 'code'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'tags';

export interface FieldDef<K extends string = string> {
  key: K;
  zh: string;
  en: string;
  type: FieldType;
  required?: boolean;
  /** Header texts accepted on import besides `zh` and `en`. */
  synonyms?: readonly string[];
  /** For `code` fields. */
  options?: readonly CodeOption[];
  /** Personal data masked on screen and in exports by default. */
  sensitive?: 'idNumber' | 'phone';
  /** Derived from other records (never typed by hand, never imported). */
  derived?: boolean;
  /** Shown in the list by default. */
  listDefault?: boolean;
  /** Column width in characters for exports and templates. */
  width?: number;
  /** Short hint for templates and forms (Chinese). */
  hintZh?: string;
  maxLength?: number;
}
