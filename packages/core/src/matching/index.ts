export * from './businessNameKeys';
export * from './compareNames';
export * from './familyNameKeys';
export * from './isNearMissDate';
export * from './normalizedName';
export * from './normalizeNamePart';
export type * from './types';
