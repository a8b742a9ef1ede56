export * from './evaluate';
export * from './slip';
