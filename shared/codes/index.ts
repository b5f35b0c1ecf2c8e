/** Code lists (学历, 区, 证件类型 …) and the matcher that reads clerks' spellings of them. */
export * from './matchCode';
export * from './districts';
export * from './codeLists';
