export * from './evaluate';
export * from './slip';
export * from './pending-charges';
