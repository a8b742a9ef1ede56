export * from './reasons';
export * from './request';
