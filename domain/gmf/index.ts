export * from './gmf';
