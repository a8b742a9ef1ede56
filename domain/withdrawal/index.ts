export * from './authorization';
export * from './embargo';
export * from './evaluate';
export * from './mix';
export * from './request';
