export * from './causales';
export * from './remesa';
export * from './returned';
