export * from './buildLeieIndex';
export * from './errors';
export * from './leieColumns';
export * from './leieCsvFactory';
export type { LeieScreenOptions } from './leieScreening';
export * from './parseLeieCsv';
export * from './screenLeieEntity';
export * from './screenSubject';
export type * from './types';
