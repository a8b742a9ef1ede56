export * from './nit';
export * from './document';
export * from './cellphone';
export * from './contact';
