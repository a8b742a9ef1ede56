export * from './config';
export * from './fees';
export * from './lookup';
export * from './result';
export * from './rounding';
