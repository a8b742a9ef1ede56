export * from './arqueo';
export * from './gate';
export * from './holding';
export * from './policy';
