export * from './resources';
export * from './sources';
