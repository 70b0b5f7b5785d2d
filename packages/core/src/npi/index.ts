export * from './errors';
export * from './isValidNpi';
