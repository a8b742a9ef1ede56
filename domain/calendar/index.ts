export * from './business-days';
export * from './holidays';
export * from './iso-date';
