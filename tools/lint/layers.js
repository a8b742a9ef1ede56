// Import zones per layer, expressed with core `no-restricted-imports` regexes so that relative paths
// (`../../main/x`) and bare specifiers are both caught without a resolver. ESLint replaces a rule's options
// when a later config block matches the same file, so each folder's block carries its complete list.

const rel = (folder) => `^(\\.{1,2}/)+(.*/)?${folder}(/|$)`;
const pkg = (name) => `^${name}(/.*)?$`;

const NODE = ['^node:', '^(fs|path|os|crypto|child_process|net|http|https|stream|events|util|worker_threads)$'];
const modules = {
  electron: [pkg('electron')],
  react: [pkg('react'), pkg('react-dom')],
  sqlite: [pkg('better-sqlite3')],
  serialport: [pkg('serialport'), pkg('@serialport/.*')],
  hid: [pkg('node-hid')],
  ws: [pkg('ws')],
};
const why = {
  electron: 'electron is used only in the Electron shell (main/host/electron/).',
  react: 'React is used only in renderer/.',
  sqlite: 'better-sqlite3 is used only in main/store/ and central/store/.',
  serialport: 'serialport is used only in drivers/transport/serial/.',
  hid: 'node-hid is used only in drivers/transport/hid/.',
  ws: 'ws is used only by the browser host and central.',
};

/**
 * @param {string} layer folder name
 * @param {string[]} notFrom layers this one must not import
 * @param {string[]} banned keys of `modules`
 * @param {boolean} noNode whether node: built-ins are banned
 */
const patterns = (layer, notFrom, banned, noNode) => [
  ...notFrom.map((f) => ({ regex: rel(f), message: `${layer}/ must not import from ${f}/ (layer rules in the README).` })),
  ...banned.flatMap((m) => modules[m].map((regex) => ({ regex, message: why[m] }))),
  ...(noNode ? NODE.map((regex) => ({ regex, message: `${layer}/ must not use Node built-ins.` })) : []),
];

const block = (files, list, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: list }] },
});

/** A layer, and sub-folders of it that may use some otherwise banned modules. */
const layer = (name, notFrom, banned, noNode, exceptions = {}) => [
  block([`${name}/**/*.{ts,tsx}`], patterns(name, notFrom, banned, noNode), []),
  ...Object.entries(exceptions).map(([folder, allowed]) =>
    block([`${name}/${folder}/**/*.{ts,tsx}`], patterns(name, notFrom, banned.filter((b) => !allowed.includes(b)), noNode)),
  ),
  // Tests may use Node as a harness (node:crypto as the injected hash, temp files); the layer rules still hold.
  ...(noNode ? [block([`${name}/**/*.test.{ts,tsx}`], patterns(name, notFrom, banned, false))] : []),
];

const ALL = ['electron', 'react', 'sqlite', 'serialport', 'hid', 'ws'];
const except = (...keep) => ALL.filter((m) => !keep.includes(m));

export const layerRules = [
  ...layer('domain', ['main', 'drivers', 'renderer', 'central', 'e2e', 'bench'], ALL, true),
  ...layer('renderer', ['main', 'drivers', 'central', 'e2e', 'bench'], except('react'), true),
  ...layer('drivers', ['main', 'renderer', 'central', 'e2e', 'bench'], except(), false, {
    'transport/serial': ['serialport'],
    'transport/hid': ['hid'],
  }),
  ...layer('main', ['renderer', 'central', 'e2e', 'bench'], except('ws'), false, {
    store: ['sqlite'],
    'host/electron': ['electron'],
  }),
  ...layer('central', ['main', 'renderer', 'drivers', 'e2e', 'bench'], except('ws'), false, { store: ['sqlite'] }),
];
