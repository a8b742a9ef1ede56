export * from './account';
export * from './activity';
export * from './person';
