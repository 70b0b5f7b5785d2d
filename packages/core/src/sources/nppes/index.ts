export * from './buildNppesRequest';
export * from './classifyNppes';
export * from './errors';
export * from './nppesRecordFactory';
export * from './parseNppesResponse';
export * from './precheckNppes';
export type * from './types';
