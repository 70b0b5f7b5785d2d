export * from './buildLeieIndex';
export * from './errors';
export * from './leieColumns';
export * from './leieCsvFactory';
export * from './parseLeieCsv';
export * from './screenSubject';
export type * from './types';
