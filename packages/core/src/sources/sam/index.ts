export * from './buildSamRequest';
export * from './classifySam';
export * from './errors';
export * from './parseSamDate';
export * from './parseSamResponse';
export * from './samAdapter';
export * from './samBodyFactory';
export type * from './types';
