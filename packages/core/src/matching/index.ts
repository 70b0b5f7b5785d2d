export * from './compareNames';
export * from './familyNameKeys';
export * from './normalizeNamePart';
export type * from './types';
