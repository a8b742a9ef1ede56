export * from './flow';
export * from './events';
export * from './messages';
export * from './policy';
export * from './radication';
