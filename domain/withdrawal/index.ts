export * from './authorization';
export * from './authorized-conditions';
export * from './cheque';
export * from './embargo';
export * from './evaluate';
export * from './mix';
export * from './request';
export * from './fingerprint';
