export * from './account';
export * from './activity';
export * from './authorized';
export * from './person';
