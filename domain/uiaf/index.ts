export * from './declaration';
export * from './thresholds';
export * from './merge';
