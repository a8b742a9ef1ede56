export * from './canonical';
export * from './entry';
export * from './verify';
export * from './stored';
