/**
 * Plazas where the bank receives cheques: the municipalities with bank offices, identified by their DANE code
 * (DIVIPOLA, Departamento Administrativo Nacional de Estadística, geoportal.dane.gov.co "Consulta DIVIPOLA").
 * Hand-written because no package ships DIVIPOLA: the 32 department capitals, Bogotá D.C. and the main
 * municipalities with bank offices. Codes checked one by one against a public DIVIPOLA extract (2020); names as
 * tellers write them. [U] The canje area confirms which plazas it clears and adds the rest here (data only).
 *
 * `aliases` are other names still printed on cheques or typed by habit (former official names, short names).
 */
export interface Plaza {
  readonly code: string;
  readonly name: string;
  readonly department: string;
  readonly aliases?: readonly string[];
}

const p = (code: string, name: string, department: string, ...aliases: string[]): Plaza => (aliases.length > 0 ? { code, name, department, aliases } : { code, name, department });

export const PLAZAS: readonly Plaza[] = [
  p('11001', 'Bogotá D.C.', 'Bogotá D.C.', 'Bogotá', 'Santa Fe de Bogotá', 'Santafé de Bogotá'),
  // Antioquia
  p('05001', 'Medellín', 'Antioquia'),
  p('05045', 'Apartadó', 'Antioquia'),
  p('05088', 'Bello', 'Antioquia'),
  p('05129', 'Caldas', 'Antioquia'),
  p('05212', 'Copacabana', 'Antioquia'),
  p('05266', 'Envigado', 'Antioquia'),
  p('05360', 'Itagüí', 'Antioquia'),
  p('05380', 'La Estrella', 'Antioquia'),
  p('05440', 'Marinilla', 'Antioquia'),
  p('05615', 'Rionegro', 'Antioquia'),
  p('05631', 'Sabaneta', 'Antioquia'),
  p('05837', 'Turbo', 'Antioquia'),
  // Atlántico
  p('08001', 'Barranquilla', 'Atlántico'),
  p('08433', 'Malambo', 'Atlántico'),
  p('08573', 'Puerto Colombia', 'Atlántico'),
  p('08638', 'Sabanalarga', 'Atlántico'),
  p('08758', 'Soledad', 'Atlántico'),
  // Bolívar
  p('13001', 'Cartagena de Indias', 'Bolívar', 'Cartagena'),
  p('13430', 'Magangué', 'Bolívar'),
  p('13836', 'Turbaco', 'Bolívar'),
  // Boyacá
  p('15001', 'Tunja', 'Boyacá'),
  p('15176', 'Chiquinquirá', 'Boyacá'),
  p('15238', 'Duitama', 'Boyacá'),
  p('15572', 'Puerto Boyacá', 'Boyacá'),
  p('15759', 'Sogamoso', 'Boyacá'),
  // Caldas
  p('17001', 'Manizales', 'Caldas'),
  p('17380', 'La Dorada', 'Caldas'),
  // Caquetá
  p('18001', 'Florencia', 'Caquetá'),
  // Cauca
  p('19001', 'Popayán', 'Cauca'),
  p('19698', 'Santander de Quilichao', 'Cauca'),
  // Cesar
  p('20001', 'Valledupar', 'Cesar'),
  p('20011', 'Aguachica', 'Cesar'),
  // Córdoba
  p('23001', 'Montería', 'Córdoba'),
  p('23417', 'Lorica', 'Córdoba', 'Santa Cruz de Lorica'),
  p('23660', 'Sahagún', 'Córdoba'),
  // Cundinamarca (its capital is Bogotá D.C.)
  p('25126', 'Cajicá', 'Cundinamarca'),
  p('25175', 'Chía', 'Cundinamarca'),
  p('25214', 'Cota', 'Cundinamarca'),
  p('25269', 'Facatativá', 'Cundinamarca'),
  p('25286', 'Funza', 'Cundinamarca'),
  p('25290', 'Fusagasugá', 'Cundinamarca'),
  p('25307', 'Girardot', 'Cundinamarca'),
  p('25430', 'Madrid', 'Cundinamarca'),
  p('25473', 'Mosquera', 'Cundinamarca'),
  p('25754', 'Soacha', 'Cundinamarca'),
  p('25899', 'Zipaquirá', 'Cundinamarca'),
  // Chocó
  p('27001', 'Quibdó', 'Chocó'),
  // Huila
  p('41001', 'Neiva', 'Huila'),
  p('41298', 'Garzón', 'Huila'),
  p('41551', 'Pitalito', 'Huila'),
  // La Guajira
  p('44001', 'Riohacha', 'La Guajira'),
  p('44430', 'Maicao', 'La Guajira'),
  // Magdalena
  p('47001', 'Santa Marta', 'Magdalena'),
  p('47189', 'Ciénaga', 'Magdalena'),
  // Meta
  p('50001', 'Villavicencio', 'Meta'),
  p('50006', 'Acacías', 'Meta'),
  p('50313', 'Granada', 'Meta'),
  // Nariño
  p('52001', 'Pasto', 'Nariño', 'San Juan de Pasto'),
  p('52356', 'Ipiales', 'Nariño'),
  p('52835', 'Tumaco', 'Nariño', 'San Andrés de Tumaco'),
  // Norte de Santander
  p('54001', 'Cúcuta', 'Norte de Santander', 'San José de Cúcuta'),
  p('54405', 'Los Patios', 'Norte de Santander'),
  p('54498', 'Ocaña', 'Norte de Santander'),
  p('54518', 'Pamplona', 'Norte de Santander'),
  p('54874', 'Villa del Rosario', 'Norte de Santander'),
  // Quindío
  p('63001', 'Armenia', 'Quindío'),
  p('63130', 'Calarcá', 'Quindío'),
  // Risaralda
  p('66001', 'Pereira', 'Risaralda'),
  p('66170', 'Dosquebradas', 'Risaralda'),
  p('66682', 'Santa Rosa de Cabal', 'Risaralda'),
  // Santander
  p('68001', 'Bucaramanga', 'Santander'),
  p('68081', 'Barrancabermeja', 'Santander'),
  p('68276', 'Floridablanca', 'Santander'),
  p('68307', 'Girón', 'Santander', 'San Juan de Girón'),
  p('68547', 'Piedecuesta', 'Santander'),
  p('68679', 'San Gil', 'Santander'),
  p('68755', 'Socorro', 'Santander', 'El Socorro'),
  // Sucre
  p('70001', 'Sincelejo', 'Sucre'),
  p('70215', 'Corozal', 'Sucre'),
  // Tolima
  p('73001', 'Ibagué', 'Tolima'),
  p('73268', 'Espinal', 'Tolima', 'El Espinal'),
  p('73349', 'Honda', 'Tolima'),
  // Valle del Cauca
  p('76001', 'Cali', 'Valle del Cauca', 'Santiago de Cali'),
  p('76109', 'Buenaventura', 'Valle del Cauca'),
  p('76111', 'Buga', 'Valle del Cauca', 'Guadalajara de Buga'),
  p('76147', 'Cartago', 'Valle del Cauca'),
  p('76364', 'Jamundí', 'Valle del Cauca'),
  p('76520', 'Palmira', 'Valle del Cauca'),
  p('76834', 'Tuluá', 'Valle del Cauca'),
  p('76892', 'Yumbo', 'Valle del Cauca'),
  // Arauca, Casanare, Putumayo, San Andrés and the Amazon and Orinoco departments
  p('81001', 'Arauca', 'Arauca'),
  p('81736', 'Saravena', 'Arauca'),
  p('85001', 'Yopal', 'Casanare'),
  p('85010', 'Aguazul', 'Casanare'),
  p('86001', 'Mocoa', 'Putumayo'),
  p('86568', 'Puerto Asís', 'Putumayo'),
  p('88001', 'San Andrés', 'San Andrés, Providencia y Santa Catalina', 'San Andrés Isla'),
  p('91001', 'Leticia', 'Amazonas'),
  p('94001', 'Inírida', 'Guainía', 'Puerto Inírida'),
  p('95001', 'San José del Guaviare', 'Guaviare'),
  p('97001', 'Mitú', 'Vaupés'),
  p('99001', 'Puerto Carreño', 'Vichada'),
];
