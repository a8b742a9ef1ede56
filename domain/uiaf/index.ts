export * from './declaration';
export * from './thresholds';
