export * from './nit';
export * from './document';
export * from './cellphone';
