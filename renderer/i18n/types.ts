/** Types derived from the Chinese dictionary: the key union, per-key parameters, and the shape en must match. */
import type { zh } from './zh';

/** The languages the UI speaks. zh-CN is the default. */
export type Language = 'zh-CN' | 'en';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every other language must provide exactly the keys of `zh` (a missing or extra key is a compile error). */
export type Dictionary = Widen<typeof zh>;

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted dictionary key such as `nav.talents`. */
export type MessageKey = LeafKeys<typeof zh>;

type ValueAt<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

type PlaceholderNames<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;

/** The `{name}` placeholders of a message, as an object type. */
export type MessageParams<K extends MessageKey> = Record<PlaceholderNames<ValueAt<typeof zh, K>>, string | number>;

/** `t('nav.talents')` takes no second argument; `t('audit.count', { count: 3 })` requires it. */
export type MessageArgs<K extends MessageKey> = [PlaceholderNames<ValueAt<typeof zh, K>>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** The translate function handed out by `useT()`. */
export type TranslateFunction = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** Keys of messages without placeholders: what a table of labels (menus, columns) may hold. */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];
