// Generates the TypeScript types of the keyturn.v1 messages, enums and service clients into
// ./generated (declaration files only), from the protos:
//
//   node scripts/generate-types.js              # rewrite ./generated
//   node scripts/generate-types.js --out DIR    # elsewhere (tests/test_client_node.py does this)
//
// The generator is @grpc/proto-loader's own proto-loader-gen-types, run with the options that
// index.js loads the protos with (LOADER_OPTIONS), so the types describe exactly the objects the
// client hands out: .proto field names (snake_case), enums as their names, int64 as strings,
// unset message fields as null. It writes .ts sources; tsc turns them into .d.ts, so the package
// ships types only and nothing in ./generated runs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { LOADER_OPTIONS, PROTO_FILES } = require('../proto-options');

const pkg = path.resolve(__dirname, '..');
const repo = path.resolve(pkg, '..', '..');
const HEADER =
  '// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).\n' +
  '// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.\n';

/** proto-loader-gen-types flags for the runtime options: the same names, as CLI switches. */
function generatorFlags(options) {
  const flags = [];
  for (const [name, value] of Object.entries(options)) {
    if (name === 'includeDirs') continue; // passed as -I below
    if (value === true) flags.push(`--${name}`);
    else if (value === String) flags.push(`--${name}=String`);
    else throw new Error(`generate-types.js does not know how to pass loader option ${name}=${value}`);
  }
  return flags;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(args[0] || command)} failed:\n${result.stdout}${result.stderr}`);
  }
}

function listFiles(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    })
    .sort();
}

/**
 * index.d.ts re-exporting, type-only, every keyturn.v1 module and the google.protobuf types they
 * use (Timestamp, Struct, ...), found by following their imports; descriptor.proto stays out.
 */
function barrel(declarations) {
  const modules = listFiles(declarations)
    .filter((file) => file.startsWith(`keyturn${path.sep}v1${path.sep}`))
    .map((file) => file.replace(/\.d\.ts$/, '').split(path.sep).join('/'));
  const seen = new Set(modules);
  for (let i = 0; i < modules.length; i++) {
    const text = fs.readFileSync(path.join(declarations, `${modules[i]}.d.ts`), 'utf8');
    for (const [, spec] of text.matchAll(/from '((?:\.\.\/)+[^']+)'/g)) {
      const resolved = path.posix.join(path.posix.dirname(modules[i]), spec);
      if (!seen.has(resolved)) {
        seen.add(resolved);
        modules.push(resolved);
      }
    }
  }
  const lines = [...seen].sort().map((module) => `export type * from './${module}';`);
  return `// Every generated message, enum and service type, for index.d.ts.\n${lines.join('\n')}\n`;
}

function generate(out) {
  // The .ts sources live under the package while tsc runs, so their imports of @grpc/grpc-js and
  // @grpc/proto-loader resolve from its node_modules.
  const scratch = fs.mkdtempSync(path.join(pkg, '.generate-types-'));
  try {
    const sources = path.join(scratch, 'src');
    const declarations = path.join(scratch, 'out');
    // Relative include paths: they end up in the "Original file" comments, which must not
    // depend on where the repository is checked out.
    const includes = [path.join(repo, 'protos'), path.join(repo, 'third_party', 'googleapis')].flatMap(
      (dir) => ['-I', path.relative(pkg, dir)]
    );
    run(
      process.execPath,
      [
        require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js'),
        ...generatorFlags(LOADER_OPTIONS),
        '--includeComments',
        // `ApiKey` is what the client returns (every field present); `ApiKey__Input` is what a
        // request may carry (fields optional, enums by name or number, int64 as number or string).
        '--outputTemplate=%s',
        '--inputTemplate=%s__Input',
        '--grpcLib=@grpc/grpc-js',
        ...includes,
        '-O',
        sources,
        ...PROTO_FILES,
      ],
      pkg
    );
    run(
      process.execPath,
      [
        // typescript's package.json exports no ./bin path; its `bin` entry is the CLI.
        path.join(path.dirname(require.resolve('typescript/package.json')), require('typescript/package.json').bin.tsc),
        '--declaration',
        '--emitDeclarationOnly',
        '--ignoreConfig', // tsconfig.json is for the type-check (npm run typecheck)
        '--strict',
        '--skipLibCheck',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--rootDir',
        sources,
        '--outDir',
        declarations,
        ...listFiles(sources).map((file) => path.join(sources, file)),
      ],
      pkg
    );
    fs.writeFileSync(path.join(declarations, 'index.d.ts'), barrel(declarations));
    fs.rmSync(out, { recursive: true, force: true });
    for (const file of listFiles(declarations)) {
      const target = path.join(out, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, HEADER + fs.readFileSync(path.join(declarations, file), 'utf8'));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function main(argv) {
  const at = argv.indexOf('--out');
  const out = at >= 0 ? path.resolve(argv[at + 1]) : path.join(pkg, 'generated');
  generate(out);
  console.log(`keyturn: wrote types into ${path.relative(process.cwd(), out) || '.'}`);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { generate };
