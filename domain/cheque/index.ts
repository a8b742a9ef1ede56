export * from './banks';
export * from './causales';
export * from './plaza-match';
export * from './plazas';
export * from './remesa';
export * from './returned';
